package org.shebao.api.records;

import org.shebao.api.i18n.Text;

/** What a ledger line is (DOMAIN-RULES.md, "Provisional rates and re-rating"). */
public enum LineKind {
    /** The month's contribution. */
    REGULAR,
    /** 补差: what a paid month still owes after its year's rates were published above the provisional ones. */
    DIFFERENCE,
    /** 溢缴: what a paid month was charged above its year's published rates; kept, not refunded automatically. */
    CREDIT;

    public Text label() {
        return Text.of(LineKind.class, "org.shebao.api.records.messages", "lineKind." + name());
    }
}
