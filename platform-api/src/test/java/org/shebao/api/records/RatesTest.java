package org.shebao.api.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.Test;

/** The amounts of DOMAIN-RULES.md at the Wuhan 2022 figures. */
public class RatesTest {

    static Rates wuhan2022(boolean lateFee, String cap) {
        return new Rates(Rates.CITY, Year.of(2022), false,
                new Rates.Pension(new BigDecimal("6795"), List.of(60, 70, 80, 90, 100, 150, 200, 250, 300),
                        new BigDecimal("0.20"), new BigDecimal("0.60"), new BigDecimal("3.00"), new BigDecimal("0.0612")),
                new Rates.Medical(new BigDecimal("6795"), new BigDecimal("0.06"), new BigDecimal("7.00")),
                new Rates.LateFee(lateFee, new BigDecimal("0.0005"), new BigDecimal(cap)),
                new Rates.Rules(30, 60, false, 60, 55, new Rates.FilingWindow(false, 1, 20, Set.of())));
    }

    @Test
    public void pensionTiersAt2022Figures() {
        Rates r = wuhan2022(false, "0");
        String[] expected = {"815.40", "951.40", "1087.20", "1223.20", "1359.00", "2038.60", "2718.00", "3397.60", "4077.00"};
        List<Integer> tiers = r.pension().tiers();
        for (int i = 0; i < tiers.size(); i++) {
            assertEquals("tier " + tiers.get(i), new BigDecimal(expected[i]), r.pensionMonthly(tiers.get(i)));
        }
        assertEquals(new BigDecimal("4077"), r.pensionBase(60));
        assertEquals(new BigDecimal("20385"), r.pensionBase(300));
        assertEquals(new BigDecimal("4757"), r.pensionBase(70));
    }

    @Test
    public void basesAreClampedToTheBounds() {
        Rates r = wuhan2022(false, "0");
        assertEquals(new BigDecimal("4077"), r.pensionBase(40));
        assertEquals(new BigDecimal("20385"), r.pensionBase(400));
        assertFalse(r.allowsTier(40));
        assertTrue(r.allowsTier(150));
    }

    @Test
    public void medicalIs407Point70Plus7() {
        Rates r = wuhan2022(false, "0");
        assertEquals(new BigDecimal("407.70"), r.monthly(InsuranceType.MEDICAL, null));
        assertEquals(new BigDecimal("7.00"), r.monthly(InsuranceType.MAJOR_ILLNESS, null));
        assertEquals(new BigDecimal("414.70"), r.medicalMonthly());
    }

    @Test
    public void lateFeeOnlyWhenAppliedFromTheDayAfterTheDueDateAndCapped() {
        YearMonth march = YearMonth.of(2022, 3);
        BigDecimal amount = new BigDecimal("815.40");
        assertEquals(new BigDecimal("0.00"), wuhan2022(false, "0").lateFee(amount, march, LocalDate.of(2022, 12, 1)));
        Rates applied = wuhan2022(true, "0");
        assertEquals(new BigDecimal("0.00"), applied.lateFee(amount, march, LocalDate.of(2022, 4, 30)));
        // 10 days after 2022-04-30: 815.40 × 0.0005 × 10 = 4.077
        assertEquals(new BigDecimal("4.08"), applied.lateFee(amount, march, LocalDate.of(2022, 5, 10)));
        // capped at 10% of the amount
        assertEquals(new BigDecimal("81.54"), wuhan2022(true, "0.10").lateFee(amount, march, LocalDate.of(2024, 5, 10)));
    }

    @Test
    public void filingWindowAppliesToItsBusinesses() {
        Rates.FilingWindow window = new Rates.FilingWindow(true, 1, 20, Set.of("enrol"));
        assertTrue(window.appliesTo("enrol"));
        assertFalse(window.appliesTo("suspend"));
        assertTrue(window.open(LocalDate.of(2026, 11, 20)));
        assertFalse(window.open(LocalDate.of(2026, 11, 21)));
        assertFalse(new Rates.FilingWindow(false, 1, 20, Set.of()).appliesTo("enrol"));
    }

    @Test
    public void ageLimitsBySex() {
        Rates r = wuhan2022(false, "0");
        assertEquals(60, r.ageLimit(Sex.MALE));
        assertEquals(55, r.ageLimit(Sex.FEMALE));
        Person zhaoMin = Person.of(ResidentId.parse("420105197012010669").orElseThrow(), "赵敏", "420105",
                Household.LOCAL, Contact.NONE);
        assertEquals(Sex.FEMALE, zhaoMin.sex());
        assertEquals(55, zhaoMin.ageOn(LocalDate.of(2026, 11, 28)));
        assertEquals(54, zhaoMin.ageOn(LocalDate.of(2025, 11, 30)));
    }
}
