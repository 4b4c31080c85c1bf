package org.shebao.plugin.suspend.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class SuspendRulesTest {

    static final YearMonth SINCE = YearMonth.of(2020, 1);
    static final List<Enrolment> PENSION_PAYING_MEDICAL_SUSPENDED = List.of(
            new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 60, SINCE, SINCE, null, null),
            new Enrolment(InsuranceType.MEDICAL, EnrolmentStatus.SUSPENDED, null, SINCE, SINCE, YearMonth.of(2024, 1), null));

    @Test
    public void onlyPayingTypesCanBeSuspended() {
        assertEquals(List.of(InsuranceType.PENSION), SuspendRules.paying(PENSION_PAYING_MEDICAL_SUSPENDED));
        assertTrue(SuspendRules.validate(FormData.of(Map.of("types", List.of("110"))), PENSION_PAYING_MEDICAL_SUSPENDED).isEmpty());
        assertEquals("“职工基本医疗保险”不在参保缴费状态，不能暂停缴费。", SuspendRules.validate(
                FormData.of(Map.of("types", List.of("310"))), PENSION_PAYING_MEDICAL_SUSPENDED).get(0).message()
                .in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(1, SuspendRules.validate(FormData.of(Map.of()), PENSION_PAYING_MEDICAL_SUSPENDED).size());
        assertEquals(1, SuspendRules.validate(FormData.of(Map.of("types", List.of("330"))), PENSION_PAYING_MEDICAL_SUSPENDED).size());
    }

    @Test
    public void reviewReturnsWhatIsNoLongerPaying() {
        assertTrue(SuspendRules.review(List.of(InsuranceType.PENSION), PENSION_PAYING_MEDICAL_SUSPENDED) instanceof Decision.Approve);
        Decision d = SuspendRules.review(List.of(InsuranceType.PENSION, InsuranceType.MEDICAL), PENSION_PAYING_MEDICAL_SUSPENDED);
        assertEquals("not-paying", ((Decision.Return) d).code());
    }
}
