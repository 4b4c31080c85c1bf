package org.shebao.plugin.jianganpilot.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;

import org.shebao.api.i18n.Texts;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.ResidentId;
import org.shebao.api.task.Decision;

/**
 * Jiang'an district's pilot (a district-only sample business): flexible workers of the district under the pilot's
 * age limit (65 by default, above the city's enrolment limits) may join the employee medical insurance (310 with
 * 330) from the next month.
 */
final class PilotRules {

    static final String DISTRICT = "420102";

    private PilotRules() {
    }

    static final Texts TEXTS = Texts.of(PilotRules.class);

    static YearMonth startMonth(LocalDate day) {
        return YearMonth.from(day).plusMonths(1);
    }

    static Decision review(ResidentId id, String district, List<Enrolment> enrolments, LocalDate day, int ageLimit) {
        if (!DISTRICT.equals(district)) {
            return Decision.returnTask("district", TEXTS.t("return.district"));
        }
        int age = Period.between(id.birthDate(), day).getYears();
        if (age >= ageLimit) {
            return Decision.returnTask("age-limit", TEXTS.t("return.age", age, ageLimit));
        }
        if (enrolments.stream().anyMatch(e -> e.type() == InsuranceType.MEDICAL && e.paying())) {
            return Decision.returnTask("already-insured", TEXTS.t("return.paying"));
        }
        return Decision.approve();
    }
}
