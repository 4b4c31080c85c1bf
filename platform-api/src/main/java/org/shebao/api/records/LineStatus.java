package org.shebao.api.records;

import org.shebao.api.i18n.Text;

/** Where a month's amount due stands (DOMAIN-RULES.md). */
public enum LineStatus {
    /** Due for the month, not yet late. */
    DUE,
    /** Paid. */
    PAID,
    /** Unpaid after the last day of the following month. */
    ARREARS,
    /** Approved for back-payment, waiting for a payment slip. */
    PAYABLE,
    /** On an issued payment slip. */
    ON_SLIP,
    /** Written off: no longer owed, not a contribution month (a gap for the pension). */
    WRITTEN_OFF;

    /** Whether a pension month with a line in this status counts as covered (not a gap). */
    public boolean covers() {
        return this != WRITTEN_OFF;
    }

    public Text label() {
        return Text.of(LineStatus.class, "org.shebao.api.records.messages", "lineStatus." + name());
    }
}
