package org.shebao.plugin.enrol.internal;

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
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Rates;
import org.shebao.api.records.ResidentId;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class EnrolRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
    static final Rates RATES = new Rates(Rates.CITY, Year.of(2026), true,
            new Rates.Pension(new BigDecimal("6795"), List.of(60, 70, 80, 90, 100, 150, 200, 250, 300),
                    new BigDecimal("0.20"), new BigDecimal("0.60"), new BigDecimal("3.00"), new BigDecimal("0.0262")),
            new Rates.Medical(new BigDecimal("6795"), new BigDecimal("0.06"), new BigDecimal("7.00")),
            new Rates.LateFee(false, new BigDecimal("0.0005"), BigDecimal.ZERO),
            new Rates.Rules(30, 60, false, 60, 55, new Rates.FilingWindow(false, 1, 20, Set.of())));

    static EnrolRequest request(Object types, String tier, String start) {
        return EnrolRequest.of(FormData.of(Map.of("types", types, "tier", tier, "startMonth", start,
                "household", "LOCAL", "mobile", "13800000001", "address", "武汉市江岸区 1 号")));
    }

    static final List<Enrolment> SUSPENDED_PENSION = List.of(new Enrolment(InsuranceType.PENSION, EnrolmentStatus.SUSPENDED,
            80, YearMonth.of(2019, 1), YearMonth.of(2019, 1), YearMonth.of(2022, 12), null));
    static final List<Enrolment> PAYING_MEDICAL = List.of(new Enrolment(InsuranceType.MEDICAL, EnrolmentStatus.PAYING,
            null, YearMonth.of(2020, 1), YearMonth.of(2020, 1), null, null));

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    public void startMonthIsThisOrNext() {
        assertEquals(List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12)), EnrolRules.startMonths(TODAY));
        assertEquals(List.of("startMonth"), fields(EnrolRules.validate(request(List.of("110"), "60", "2026-10"), true,
                List.of(), TODAY, Optional.of(RATES))));
        assertEquals(List.of("startMonth"), fields(EnrolRules.validate(request(List.of("110"), "60", "2027-01"), true,
                List.of(), TODAY, Optional.of(RATES))));
        assertTrue(EnrolRules.validate(request(List.of("110"), "60", "2026-12"), true, List.of(), TODAY, Optional.of(RATES)).isEmpty());
    }

    @Test
    public void pensionNeedsAnAllowedTierAndPayingTypesCannotBePicked() {
        assertEquals(List.of("tier"), fields(EnrolRules.validate(request(List.of("110", "310"), "65", "2026-11"), true,
                List.of(), TODAY, Optional.of(RATES))));
        assertTrue(EnrolRules.validate(request(List.of("310"), "", "2026-11"), true, List.of(), TODAY, Optional.of(RATES)).isEmpty());
        assertEquals(List.of("types"), fields(EnrolRules.validate(request(List.of("310"), "", "2026-11"), true,
                PAYING_MEDICAL, TODAY, Optional.of(RATES))));
        assertEquals(List.of("types"), fields(EnrolRules.validate(request(List.of("330"), "", "2026-11"), true,
                List.of(), TODAY, Optional.of(RATES))));
        assertEquals(List.of(InsuranceType.PENSION), EnrolRules.open(PAYING_MEDICAL));
    }

    @Test
    public void mobileAndAddressAreChecked() {
        EnrolRequest bad = EnrolRequest.of(FormData.of(Map.of("types", "110", "tier", "60", "startMonth", "2026-11",
                "household", "LOCAL", "mobile", "12345", "address", " ")));
        assertEquals(List.of("mobile", "address"), fields(EnrolRules.validate(bad, true, List.of(), TODAY, Optional.of(RATES))));
        assertEquals("请填写 11 位手机号码（1 开头，第二位 3–9）。",
                EnrolRules.validate(bad, true, List.of(), TODAY, Optional.of(RATES)).get(0).message().in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    public void amountsFollowTheTierAndTypes() {
        Map<String, BigDecimal> both = EnrolRules.amounts(request(List.of("110", "310"), "60", "2026-11"), RATES);
        assertEquals(new BigDecimal("815.40"), both.get("pensionMonthly"));
        assertEquals(new BigDecimal("414.70"), both.get("medicalMonthly"));
        assertEquals(new BigDecimal("1230.10"), both.get("monthlyTotal"));
        assertEquals(new BigDecimal("1359.00"), EnrolRules.amounts(request("110", "100", "2026-11"), RATES).get("monthlyTotal"));
    }

    @Test
    public void reviewReturnsOverTheAgeLimitOnTheDayOfSubmission() {
        ResidentId zhaoMin = new ResidentId("420105197012010669");
        Decision d = EnrolRules.review(request("310", "", "2026-11"), zhaoMin, Household.LOCAL, List.of(), TODAY, RATES, RATES, false);
        assertTrue(d instanceof Decision.Return);
        assertEquals("age-limit", ((Decision.Return) d).code());
        assertEquals("您已 55 周岁，超过灵活就业人员参保年龄上限（55 周岁），不能参保。",
                ((Decision.Return) d).reason().in(Locale.SIMPLIFIED_CHINESE));
        // the day before her 55th birthday she could still enrol
        assertTrue(EnrolRules.review(request("310", "", "2025-11"), zhaoMin, Household.LOCAL, List.of(),
                LocalDate.of(2025, 11, 30), RATES, RATES, false) instanceof Decision.Approve);
        // a man of 55 may enrol
        assertTrue(EnrolRules.review(request("110", "60", "2026-11"), new ResidentId("420104197509090557"), Household.LOCAL,
                SUSPENDED_PENSION, TODAY, RATES, RATES, false) instanceof Decision.Approve);
    }

    @Test
    public void reviewReturnsPayingTypesAndPastStartsAndRefersNonLocal() {
        ResidentId zhangWei = new ResidentId("420102199003150117");
        Decision paying = EnrolRules.review(request("310", "", "2026-11"), zhangWei, Household.LOCAL, PAYING_MEDICAL, TODAY, RATES, RATES, false);
        assertEquals("already-insured", ((Decision.Return) paying).code());
        Decision past = EnrolRules.review(request("310", "", "2026-10"), zhangWei, Household.LOCAL, List.of(), TODAY, RATES, RATES, false);
        assertEquals("start-month", ((Decision.Return) past).code());
        assertTrue(EnrolRules.review(request("310", "", "2026-11"), zhangWei, Household.NON_LOCAL, List.of(), TODAY, RATES, RATES, false)
                instanceof Decision.Refer);
    }

    @Test
    public void aPhotoGoesToAHumanReviewerNeverStraightIntoTheRecord() {
        ResidentId zhangWei = new ResidentId("420102199003150117");
        Decision d = EnrolRules.review(request("310", "", "2026-11"), zhangWei, Household.LOCAL, List.of(), TODAY, RATES,
                RATES, true);
        assertTrue(d instanceof Decision.Refer);
        assertEquals("含新照片：请与身份档案核对后审批。", ((Decision.Refer) d).note().in(Locale.SIMPLIFIED_CHINESE));
        // the age limit still returns first: no reviewer's time for a task that cannot be approved
        assertTrue(EnrolRules.review(request("310", "", "2026-11"), new ResidentId("420105197012010669"), Household.LOCAL,
                List.of(), TODAY, RATES, RATES, true) instanceof Decision.Return);
    }
}
