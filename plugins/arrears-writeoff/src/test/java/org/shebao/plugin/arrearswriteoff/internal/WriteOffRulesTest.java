package org.shebao.plugin.arrearswriteoff.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class WriteOffRulesTest {

    @Test
    public void nothingTickedByDefaultAndOnlyNumbersCount() {
        assertFalse(WriteOffRules.wellFormed(FormData.of(Map.of())));
        assertFalse(WriteOffRules.wellFormed(FormData.of(Map.of("lines", List.of("12", "x")))));
        assertTrue(WriteOffRules.wellFormed(FormData.of(Map.of("lines", List.of("12", 13)))));
        assertEquals(List.of(12L, 13L), WriteOffRules.lineIds(FormData.of(Map.of("lines", List.of("12", 13, "12")))));
    }

    @Test
    public void theAssessmentTotalsPerTypeAndAChangeReturnsTheTask() {
        BigDecimal zero = new BigDecimal("0.00");
        LedgerLine pension = new LedgerLine(1, InsuranceType.PENSION, YearMonth.of(2026, 5), new BigDecimal("6795.00"),
                new BigDecimal("1359.00"), zero, zero, LineStatus.ARREARS, null, LineKind.REGULAR, 2026, false, null);
        LedgerLine supplement = new LedgerLine(2, InsuranceType.MAJOR_ILLNESS, YearMonth.of(2026, 5), zero,
                new BigDecimal("7.00"), zero, zero, LineStatus.ARREARS, null, LineKind.REGULAR, 2025, true, null);
        Assessment shown = WriteOffRules.assessment(List.of(pension, supplement));
        assertTrue(shown.provisional());
        assertEquals(Integer.valueOf(2025), shown.ratesYear());
        assertEquals(new BigDecimal("1359.00"), shown.amount("pensionTotal"));
        assertEquals(new BigDecimal("7.00"), shown.amount("majorIllnessTotal"));
        assertEquals(new BigDecimal("1366.00"), shown.amount("total"));
        assertTrue(WriteOffRules.review(shown, shown) instanceof Decision.Approve);
        Assessment less = Assessment.of(Map.of("total", new BigDecimal("1359.00")));
        assertEquals("amount-changed", ((Decision.Return) WriteOffRules.review(shown, less)).code());
    }
}
