package org.shebao.plugin.tierchange.internal;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.ReturnReason;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.tierchange.internal.TierRules.TEXTS;

/** 缴费档次变更: the new pension tier, its monthly amount computed live, effective from the next month. */
@Component(service = BusinessType.class)
@Business
public class TierChangeBusiness implements BusinessType {

    private final Records records;
    private final RatesService rates;

    @Activate
    public TierChangeBusiness(@Reference Records records, @Reference RatesService rates) {
        this.records = records;
        this.rates = rates;
    }

    private Rates effectiveRates(String district, LocalDate day) {
        return rates.rates(district, Year.of(TierRules.effectiveFrom(day).getYear()));
    }

    @Override
    public FormSchema form(Applicant applicant) {
        return TierForm.schema(records.enrolments(applicant.account().login()),
                effectiveRates(applicant.account().district(), applicant.today()), applicant.today());
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return TierRules.validate(data, records.enrolments(applicant.account().login()), applicant.today(),
                effectiveRates(applicant.account().district(), applicant.today()));
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        Rates effective = effectiveRates(applicant.account().district(), applicant.today());
        return Assessment.of(TierRules.amounts(TierRules.tier(data), records.enrolments(applicant.account().login()),
                effective), effective, Year.of(TierRules.effectiveFrom(applicant.today()).getYear()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        LocalDate submittedOn = task.submittedOn();
        return TierRules.review(TierRules.tier(task.data()), records.enrolments(task.applicant().login()), submittedOn,
                effectiveRates(task.applicant().district(), submittedOn));
    }

    @Override
    public List<ReturnReason> returnReasons() {
        return List.of(new ReturnReason("TIER", TEXTS.t("reason.TIER")));
    }

    /** The tier from the month after approval; the once-a-year rule is checked again on the day of approval. */
    @Override
    public void apply(TaskView task, EffectContext effects) {
        List<Enrolment> enrolments = records.enrolments(task.applicant().login());
        TierRules.refusal(TierRules.tier(task.data()), enrolments, effects.today(),
                effectiveRates(task.applicant().district(), effects.today())).ifPresent(TierRules::refuse);
        YearMonth from = TierRules.effectiveFrom(effects.today());
        effects.records().setTier(task.applicant().login(), TierRules.tier(task.data()).orElseThrow(), from, effects.today());
    }
}
