package org.shebao.plugin.enrol.internal;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;
import org.shebao.api.records.ResidentId;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.ReturnReason;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

/** 增员(续保): enrolment in 110 and/or 310 (with 330), or continuation of a suspended type, from this month or the next. */
@Component(service = BusinessType.class)
@Business
public class EnrolBusiness implements BusinessType {

    private final Records records;
    private final RatesService rates;
    private final Districts districts;

    @Activate
    public EnrolBusiness(@Reference Records records, @Reference RatesService rates, @Reference Districts districts) {
        this.records = records;
        this.rates = rates;
        this.districts = districts;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        String login = applicant.account().login();
        return EnrolForm.of(applicant.account(), records.person(login), records.enrolments(login),
                ratesOf(applicant.account().district(), YearMonth.from(applicant.today())), applicant.today(), districts);
    }

    private Rates ratesOf(String district, YearMonth month) {
        return rates.rates(district, Year.of(month.getYear()));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        EnrolRequest request = EnrolRequest.of(data);
        String login = applicant.account().login();
        return EnrolRules.validate(request, records.person(login).isPresent(), records.enrolments(login), applicant.today(),
                request.start().map(m -> ratesOf(applicant.account().district(), m)));
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        EnrolRequest request = EnrolRequest.of(data);
        YearMonth start = request.start().orElse(YearMonth.from(applicant.today()));
        Rates startRates = ratesOf(applicant.account().district(), start);
        return Assessment.of(EnrolRules.amounts(request, startRates), startRates, Year.of(start.getYear()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        EnrolRequest request = EnrolRequest.of(task.data());
        String login = task.applicant().login();
        YearMonth submitted = YearMonth.from(task.submittedOn());
        return EnrolRules.review(request, new ResidentId(login), request.household(records.person(login)),
                records.enrolments(login), task.submittedOn(), ratesOf(task.applicant().district(), submitted),
                ratesOf(task.applicant().district(), request.start().orElse(submitted)), !task.attachmentIds().isEmpty());
    }

    @Override
    public List<ReturnReason> returnReasons() {
        return EnrolRules.REASONS;
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        EnrolEffect.apply(EnrolRequest.of(task.data()), task.applicant(), records.person(task.applicant().login()),
                task.attachmentIds(), effects.records());
    }
}
