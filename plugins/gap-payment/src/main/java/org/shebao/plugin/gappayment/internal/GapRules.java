package org.shebao.plugin.gappayment.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.i18n.Text;
import org.shebao.api.records.GapAssessment;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

/**
 * Pension gap back-pay (养老保险中断补缴): ticked gap months are assessed at base × rate plus crediting interest
 * (核定缴费); approval makes them payable at the amounts recomputed then, which must be those the citizen saw.
 */
final class GapRules {

    private GapRules() {
    }

    static Text t(String key, Object... args) {
        return Text.of(GapRules.class, "org.shebao.plugin.gappayment.internal.messages", key, args);
    }

    /** The ticked months, or empty when one of them is not a month. */
    static Optional<List<YearMonth>> months(FormData data) {
        try {
            return Optional.of(data.list("months").stream().map(YearMonth::parse).distinct().sorted().toList());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Assessment assessment(GapAssessment assessed) {
        return Assessment.of(Map.of("amount", assessed.amount(), "interest", assessed.interest(), "total", assessed.total()));
    }

    static Decision review(Assessment shown, Assessment now) {
        if (now.differsFrom(shown, "total")) {
            return Decision.returnTask("amount-changed", t("return.amountChanged", shown.amount("total").toPlainString(),
                    now.amount("total").toPlainString()));
        }
        return Decision.approve();
    }
}
