package org.shebao.plugin.tierchange.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Rates;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class TierRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
    static final Rates RATES = new Rates(Rates.CITY, Year.of(2026), true,
            new Rates.Pension(new BigDecimal("6795"), List.of(60, 70, 80, 90, 100, 150, 200, 250, 300),
                    new BigDecimal("0.20"), new BigDecimal("0.60"), new BigDecimal("3.00"), new BigDecimal("0.0262")),
            new Rates.Medical(new BigDecimal("6795"), new BigDecimal("0.06"), new BigDecimal("7.00")),
            new Rates.LateFee(false, new BigDecimal("0.0005"), BigDecimal.ZERO),
            new Rates.Rules(30, 60, false, 60, 55, new Rates.FilingWindow(false, 1, 20, Set.of())));

    static List<Enrolment> pension(int tier, LocalDate changedOn) {
        YearMonth since = YearMonth.of(2020, 1);
        return List.of(new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, tier, since, since, null, changedOn));
    }

    @Test
    public void theNewMonthlyAmountIsTheTableOfDomainRules() {
        String[] table = {"815.40", "951.40", "1087.20", "1223.20", "1359.00", "2038.60", "2718.00", "3397.60", "4077.00"};
        int[] tiers = {60, 70, 80, 90, 100, 150, 200, 250, 300};
        for (int i = 0; i < tiers.length; i++) {
            Map<String, BigDecimal> amounts = TierRules.amounts(Optional.of(tiers[i]), pension(60, null), RATES);
            assertEquals(new BigDecimal(table[i]), amounts.get("newMonthly"));
            assertEquals(new BigDecimal("815.40"), amounts.get("currentMonthly"));
        }
        assertTrue(TierRules.amounts(Optional.of(65), pension(60, null), RATES).get("newMonthly") == null);
    }

    @Test
    public void onceACalendarYearCountedByApprovedChanges() {
        assertTrue(TierRules.review(Optional.of(100), pension(60, LocalDate.of(2025, 12, 31)), TODAY, RATES) instanceof Decision.Approve);
        Decision second = TierRules.review(Optional.of(100), pension(80, LocalDate.of(2026, 3, 2)), TODAY, RATES);
        assertEquals("本年度已变更过缴费档次（2026-03-02 审批通过），每个年度只能变更一次。",
                ((Decision.Return) second).reason().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(1, TierRules.validate(FormData.of(Map.of("tier", "100")), pension(80, LocalDate.of(2026, 3, 2)), TODAY, RATES).size());
    }

    @Test
    public void theTierMustBeOnTheListDifferentAndThePensionPaying() {
        assertEquals(1, TierRules.validate(FormData.of(Map.of("tier", "65")), pension(60, null), TODAY, RATES).size());
        assertEquals(1, TierRules.validate(FormData.of(Map.of("tier", "60")), pension(60, null), TODAY, RATES).size());
        assertEquals(1, TierRules.validate(FormData.of(Map.of()), pension(60, null), TODAY, RATES).size());
        assertEquals(1, TierRules.validate(FormData.of(Map.of("tier", "100")), List.of(), TODAY, RATES).size());
        assertTrue(TierRules.validate(FormData.of(Map.of("tier", "100")), pension(60, null), TODAY, RATES).isEmpty());
        assertEquals(YearMonth.of(2026, 12), TierRules.effectiveFrom(TODAY));
        assertEquals(YearMonth.of(2027, 1), TierRules.effectiveFrom(LocalDate.of(2026, 12, 31)));
    }
}
