package org.shebao.plugin.tierchange.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException;
import org.shebao.api.i18n.Text;
import org.shebao.api.i18n.Texts;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Rates;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

/**
 * Pension tier change (缴费档次变更): a tier of the year's list, not the current one, at most one approved change
 * per calendar year, effective from the month after approval.
 */
final class TierRules {

    private TierRules() {
    }

    static final Texts TEXTS = Texts.of(TierRules.class);

    /** A refusal at approval: the task returns with the reason. */
    static void refuse(Text reason) {
        throw new ShebaoException(ShebaoException.Kind.CONFLICT, "tier-not-allowed", reason);
    }

    static Optional<Integer> tier(FormData data) {
        return data.text("tier").filter(s -> s.matches("\\d{1,3}")).map(Integer::valueOf);
    }

    static YearMonth effectiveFrom(LocalDate day) {
        return YearMonth.from(day).plusMonths(1);
    }

    static Optional<Enrolment> payingPension(List<Enrolment> enrolments) {
        return enrolments.stream().filter(e -> e.type() == InsuranceType.PENSION && e.paying()).findFirst();
    }

    /** What stops the change, if anything, on the day: not paying, changed this year, tier not allowed or unchanged. */
    static Optional<Text> refusal(Optional<Integer> tier, List<Enrolment> enrolments, LocalDate day, Rates effectiveRates) {
        Optional<Enrolment> pension = payingPension(enrolments);
        if (pension.isEmpty()) {
            return Optional.of(TEXTS.t("error.notPaying"));
        }
        LocalDate changed = pension.get().tierChangedOn();
        if (changed != null && changed.getYear() == day.getYear()) {
            return Optional.of(TEXTS.t("error.changedThisYear", changed.toString()));
        }
        if (tier.isEmpty() || !effectiveRates.allowsTier(tier.get())) {
            return Optional.of(TEXTS.t("error.tier", String.valueOf(tier.orElse(0))));
        }
        if (tier.get().equals(pension.get().tierPercent())) {
            return Optional.of(TEXTS.t("error.same", tier.get()));
        }
        return Optional.empty();
    }

    static List<FieldError> validate(FormData data, List<Enrolment> enrolments, LocalDate today, Rates effectiveRates) {
        List<FieldError> errors = new ArrayList<>();
        refusal(tier(data), enrolments, today, effectiveRates).ifPresent(text -> errors.add(new FieldError("tier", text)));
        return errors;
    }

    /** The monthly amount now and after the change (变更后每月缴费金额), at the effective month's rates. */
    static Map<String, BigDecimal> amounts(Optional<Integer> tier, List<Enrolment> enrolments, Rates effectiveRates) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        payingPension(enrolments).map(Enrolment::tierPercent).filter(effectiveRates::allowsTier)
                .ifPresent(current -> amounts.put("currentMonthly", effectiveRates.pensionMonthly(current)));
        tier.filter(effectiveRates::allowsTier).ifPresent(t -> amounts.put("newMonthly", effectiveRates.pensionMonthly(t)));
        return amounts;
    }

    static Decision review(Optional<Integer> tier, List<Enrolment> enrolments, LocalDate submittedOn, Rates effectiveRates) {
        return refusal(tier, enrolments, submittedOn, effectiveRates)
                .map(reason -> Decision.returnTask("tier-not-allowed", reason))
                .orElse(Decision.approve());
    }
}
