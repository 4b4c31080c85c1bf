package org.shebao.plugin.gappayment.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class GapRulesTest {

    @Test
    public void tickedMonthsAreReadSortedOnce() {
        assertEquals(Optional.of(List.of(YearMonth.of(2022, 3), YearMonth.of(2024, 1))),
                GapRules.months(FormData.of(Map.of("months", List.of("2024-01", "2022-03", "2024-01")))));
        assertTrue(GapRules.months(FormData.of(Map.of("months", List.of("2024-13")))).isEmpty());
    }

    @Test
    public void theAssessmentIsPrincipalPlusInterestAndMustNotChangeBeforeApproval() {
        GapCharge march = new GapCharge(YearMonth.of(2022, 3), 60, new BigDecimal("4077"), new BigDecimal("815.40"), new BigDecimal("134.49"), 2026, null);
        Assessment shown = GapRules.assessment(new Gaps.Assessed(List.of(march)));
        assertEquals(new BigDecimal("949.89"), shown.amount("total"));
        assertEquals(new BigDecimal("949.89"), march.total());
        assertTrue(GapRules.review(shown, shown) instanceof Decision.Approve);
        // a month later the interest has grown
        Assessment later = Assessment.of(Map.of("total", new BigDecimal("951.67")));
        assertEquals("amount-changed", ((Decision.Return) GapRules.review(shown, later)).code());
    }
}
