package org.shebao.plugin.enrol.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.i18n.Texts;
import org.shebao.api.spi.ReturnReason;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Rates;
import org.shebao.api.records.ResidentId;
import org.shebao.api.task.Decision;

/** The rules of enrolment and continuation (DOMAIN-RULES.md), as pure functions of the records and rates. */
final class EnrolRules {

    private EnrolRules() {
    }

    static final Texts TEXTS = Texts.of(EnrolRules.class);

    /** What a reviewer may return an enrolment for, beyond the platform's general reasons. */
    static final List<ReturnReason> REASONS = List.of(new ReturnReason("ID_PHOTO", TEXTS.t("reason.ID_PHOTO")),
            new ReturnReason("AGE_LIMIT", TEXTS.t("reason.AGE_LIMIT")),
            new ReturnReason("INSURED_ELSEWHERE", TEXTS.t("reason.INSURED_ELSEWHERE")));

    /** The start months on offer: this month and the next. */
    static List<YearMonth> startMonths(LocalDate today) {
        YearMonth now = YearMonth.from(today);
        return List.of(now, now.plusMonths(1));
    }

    /** The types the citizen may pick: those not paying now. */
    static List<InsuranceType> open(List<Enrolment> enrolments) {
        List<InsuranceType> open = new ArrayList<>();
        for (InsuranceType type : List.of(InsuranceType.PENSION, InsuranceType.MEDICAL)) {
            if (!paying(enrolments, type)) {
                open.add(type);
            }
        }
        return open;
    }

    static boolean paying(List<Enrolment> enrolments, InsuranceType type) {
        return enrolments.stream().anyMatch(e -> e.type() == type && e.paying());
    }

    /** Field errors of the form: nothing is saved while there are any. */
    static List<FieldError> validate(EnrolRequest r, boolean householdFromRecord, List<Enrolment> enrolments,
            LocalDate today, Optional<Rates> startRates) {
        List<FieldError> errors = new ArrayList<>();
        if (r.types().isEmpty()) {
            errors.add(new FieldError("types", TEXTS.t("error.types")));
        }
        for (InsuranceType type : r.types()) {
            if (paying(enrolments, type)) {
                errors.add(new FieldError("types", TEXTS.t("error.alreadyPaying", type.label())));
            }
        }
        if (r.start().isEmpty() || !startMonths(today).contains(r.start().get())) {
            errors.add(new FieldError("startMonth", TEXTS.t("error.startMonth")));
        }
        if (r.pension()) {
            if (r.tier().isEmpty()) {
                errors.add(new FieldError("tier", TEXTS.t("error.tier.required")));
            } else if (startRates.isPresent() && !startRates.get().allowsTier(r.tier().get())) {
                errors.add(new FieldError("tier", TEXTS.t("error.tier.notAllowed", r.tier().get())));
            }
        }
        if (!householdFromRecord && r.household().isEmpty()) {
            errors.add(new FieldError("household", TEXTS.t("error.household")));
        }
        r.contact().errors().stream().filter(e -> e.field().equals("mobile") || e.field().equals("address"))
                .forEach(errors::add);
        return errors;
    }

    /** The monthly amounts at the start month's rates: pension (at the tier), medical (310 + 330) and the total. */
    static Map<String, java.math.BigDecimal> amounts(EnrolRequest r, Rates rates) {
        Map<String, java.math.BigDecimal> amounts = new LinkedHashMap<>();
        java.math.BigDecimal total = Rates.money(java.math.BigDecimal.ZERO);
        if (r.pension() && r.tier().filter(rates::allowsTier).isPresent()) {
            java.math.BigDecimal pension = rates.pensionMonthly(r.tier().get());
            amounts.put("pensionMonthly", pension);
            total = total.add(pension);
        }
        if (r.types().contains(InsuranceType.MEDICAL)) {
            java.math.BigDecimal medical = rates.medicalMonthly();
            amounts.put("medicalMonthly", medical);
            total = total.add(medical);
        }
        amounts.put("monthlyTotal", total);
        return amounts;
    }

    /**
     * The automatic review on the day of submission: age limit, not already paying, tier and start month still
     * valid; a non-local household goes to a reviewer (residence permit).
     */
    static Decision review(EnrolRequest r, ResidentId id, Household household, List<Enrolment> enrolments,
            LocalDate submittedOn, Rates dayRates, Rates startRates, boolean newPhoto) {
        int limit = dayRates.ageLimit(id.sex());
        int age = java.time.Period.between(id.birthDate(), submittedOn).getYears();
        if (age >= limit) {
            return Decision.returnTask("age-limit", TEXTS.t("return.age", age, limit));
        }
        if (r.start().isEmpty() || r.start().get().isBefore(YearMonth.from(submittedOn))) {
            return Decision.returnTask("start-month", TEXTS.t("return.startMonth"));
        }
        for (InsuranceType type : r.types()) {
            if (paying(enrolments, type)) {
                return Decision.returnTask("already-insured", TEXTS.t("return.alreadyPaying", type.label()));
            }
        }
        if (r.pension() && (r.tier().isEmpty() || !startRates.allowsTier(r.tier().get()))) {
            return Decision.returnTask("tier-not-allowed", TEXTS.t("error.tier.notAllowed", r.tier().orElse(0)));
        }
        if (household == Household.NON_LOCAL) {
            return Decision.refer(TEXTS.t("refer.nonLocal"));
        }
        if (newPhoto) {
            // a photo is compared with the identity record by a person, as in 一般信息变更: never straight into the record
            return Decision.refer(TEXTS.t("refer.photo"));
        }
        return Decision.approve();
    }
}
