package org.shebao.plugin.gappayment.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.i18n.Texts;
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

    static final Texts TEXTS = Texts.of(GapRules.class);

    /**
     * The months of the ticked periods ({@code periods}: {@code 2022-03..2022-08}; a task saved by the first release
     * ticked {@code months}), or empty when one of them is not a period.
     */
    static Optional<List<YearMonth>> months(FormData data) {
        return GapPeriods.months(data.has("periods") ? data.list("periods") : data.list("months"));
    }

    static Assessment assessment(Gaps.Assessed assessed) {
        Map<String, java.math.BigDecimal> amounts = Map.of("amount", assessed.amount(), "interest", assessed.interest(),
                "total", assessed.amount().add(assessed.interest()));
        return Assessment.of(amounts).rated(assessed.provisional().isPresent(),
                assessed.provisional().map(GapCharge::ratesYear).orElse(0));
    }

    static Decision review(Assessment shown, Assessment now) {
        return Decision.approveIfUnchanged(shown, now, "total", (was, is) -> TEXTS.t("return.amountChanged", was, is));
    }
}
