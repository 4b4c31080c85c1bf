package org.shebao.plugin.jianganpilot.internal;

import java.time.Year;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Identity;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;
import org.shebao.api.records.ResidentId;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;


/** 江岸区灵活就业医保扩面试点: offered in 420102 only; enrols in 310 (with 330) from the next month. */
@Component(service = BusinessType.class, configurationPid = "org.shebao.plugin.jiangan-medical-pilot")
@Designate(ocd = PilotConfig.class)
@Business(districts = PilotRules.DISTRICT)
public class PilotBusiness implements BusinessType {

    private final Records records;
    private final RatesService rates;
    private final Districts districts;
    private volatile int ageLimit;

    @Activate
    public PilotBusiness(@Reference Records records, @Reference RatesService rates, @Reference Districts districts,
            PilotConfig config) {
        this.records = records;
        this.rates = rates;
        this.districts = districts;
        configure(config);
    }

    @Modified
    void configure(PilotConfig config) {
        ageLimit = config.ageLimit();
    }

    @Override
    public FormSchema form(Applicant applicant) {
        return PilotForm.schema(Identity.of(applicant.account(), records.person(applicant.account().login())), districts,
                applicant.today());
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return List.of();
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        Year year = Year.of(PilotRules.startMonth(applicant.today()).getYear());
        Rates startRates = rates.rates(applicant.account().district(), year);
        return Assessment.of(Map.of("medicalMonthly", startRates.medicalMonthly()), startRates, year);
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return PilotRules.review(new ResidentId(task.applicant().login()), task.applicant().district(),
                records.enrolments(task.applicant().login()), task.submittedOn(), ageLimit);
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        Person person = records.person(task.applicant().login())
                .orElseGet(() -> Person.of(task.applicant(), Household.LOCAL, Contact.NONE));
        effects.records().enrol(person, InsuranceType.MEDICAL, null, PilotRules.startMonth(effects.today()));
    }
}
