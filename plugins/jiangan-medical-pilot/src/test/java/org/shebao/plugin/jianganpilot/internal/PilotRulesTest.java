package org.shebao.plugin.jianganpilot.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.Test;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.ResidentId;
import org.shebao.api.task.Decision;

public class PilotRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

    @Test
    public void aWomanOverTheCityLimitButUnderThePilotsMayJoin() {
        // born 1964-03-01: 62, over the city's 55 for women, under the pilot's 65
        ResidentId id = new ResidentId(withCheck("42010219640301002"));
        assertTrue(PilotRules.review(id, "420102", List.of(), TODAY, 65) instanceof Decision.Approve);
        assertEquals("age-limit", ((Decision.Return) PilotRules.review(id, "420102", List.of(), TODAY, 60)).code());
        assertEquals("district", ((Decision.Return) PilotRules.review(id, "420111", List.of(), TODAY, 65)).code());
        List<Enrolment> paying = List.of(new Enrolment(InsuranceType.MEDICAL, EnrolmentStatus.PAYING, null,
                YearMonth.of(2020, 1), YearMonth.of(2020, 1), null, null));
        assertEquals("already-insured", ((Decision.Return) PilotRules.review(id, "420102", paying, TODAY, 65)).code());
        assertEquals(YearMonth.of(2026, 12), PilotRules.startMonth(TODAY));
    }

    static String withCheck(String body) {
        return ResidentId.withCheck(body).value();
    }
}
