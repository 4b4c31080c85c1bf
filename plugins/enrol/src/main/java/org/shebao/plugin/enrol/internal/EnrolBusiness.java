package org.shebao.plugin.enrol.internal;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.account.Account;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.Household;
import org.shebao.api.records.Identity;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;
import org.shebao.api.records.RecordsWriter;
import org.shebao.api.records.ResidentId;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.enrol.internal.EnrolRules.t;

/** 增员(续保): enrolment in 110 and/or 310 (with 330), or continuation of a suspended type, from this month or the next. */
@Component(service = BusinessType.class)
public class EnrolBusiness implements BusinessType {

    static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    private final Records records;
    private final RatesService rates;
    private final String version;

    @Activate
    public EnrolBusiness(BundleContext context, @Reference Records records, @Reference RatesService rates) {
        this.records = records;
        this.rates = rates;
        org.osgi.framework.Version v = context.getBundle().getVersion();
        this.version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    @Override
    public String id() {
        return "enrol";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Text name() {
        return t("name");
    }

    @Override
    public FormSchema form(Applicant applicant) {
        Account account = applicant.account();
        Optional<Person> person = records.person(account.login());
        List<Enrolment> enrolments = records.enrolments(account.login());
        Rates current = rates.rates(account.district(), Year.of(applicant.today().getYear()));
        List<Field> fields = new ArrayList<>(Identity.fields());
        Field household = Field.select("household", t("field.household"), List.of(
                new Choice(Household.LOCAL.name(), t("household.LOCAL")),
                new Choice(Household.NON_LOCAL.name(), t("household.NON_LOCAL")))).asRequired();
        fields.add(person.isPresent() ? household.asReadOnly() : household);
        fields.add(Field.text("mobile", t("field.mobile")).asRequired());
        fields.add(Field.text("address", t("field.address")).asRequired());
        fields.add(Field.multiSelect("types", t("field.types"), EnrolRules.open(enrolments).stream()
                .map(type -> new Choice(type.code(), type.label())).toList()).asRequired());
        fields.add(Field.select("tier", t("field.tier"), current.pension().tiers().stream()
                .map(p -> new Choice(p.toString(), Text.literal(p + "%"))).toList()).asImportant()
                .requiredWhen("types", InsuranceType.PENSION.code()));
        fields.add(Field.select("startMonth", t("field.startMonth"), EnrolRules.startMonths(applicant.today()).stream()
                .map(m -> new Choice(m.toString(), Text.literal(m.toString()))).toList()).asRequired());
        fields.add(Field.money("pensionMonthly", t("field.pensionMonthly")));
        fields.add(Field.money("medicalMonthly", t("field.medicalMonthly")));
        fields.add(Field.money("monthlyTotal", t("field.monthlyTotal")).asImportant());
        fields.add(Field.photo("photo", t("field.photo")));

        Map<String, Object> values = new LinkedHashMap<>(Identity.of(account, person).values());
        values.put("household", person.map(p -> p.household().name()).orElse(Household.LOCAL.name()));
        person.map(Person::contact).ifPresent(c -> {
            putIfPresent(values, "mobile", c.mobile());
            putIfPresent(values, "address", c.address());
        });
        // a continuation starts at the tier the citizen paid before
        enrolments.stream().filter(e -> e.type() == InsuranceType.PENSION && e.tierPercent() != null).findFirst()
                .ifPresent(e -> values.put("tier", e.tierPercent().toString()));
        values.put("startMonth", YearMonth.from(applicant.today()).toString());
        return new FormSchema(fields, values);
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        EnrolRequest request = EnrolRequest.of(data);
        String login = applicant.account().login();
        Optional<Rates> startRates = request.start().map(m -> rates.rates(applicant.account().district(), Year.of(m.getYear())));
        return EnrolRules.validate(request, records.person(login).isPresent(), records.enrolments(login),
                applicant.today(), startRates);
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        EnrolRequest request = EnrolRequest.of(data);
        YearMonth start = request.start().orElse(YearMonth.from(applicant.today()));
        Rates startRates = rates.rates(applicant.account().district(), Year.of(start.getYear()));
        return Assessment.of(EnrolRules.amounts(request, startRates), startRates, Year.of(start.getYear()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        EnrolRequest request = EnrolRequest.of(task.data());
        String login = task.applicant().login();
        String district = task.applicant().district();
        LocalDate submittedOn = task.submittedAt().atZone(BUREAU).toLocalDate();
        Household household = records.person(login).map(Person::household).orElse(request.household().orElse(Household.LOCAL));
        YearMonth start = request.start().orElse(YearMonth.from(submittedOn));
        return EnrolRules.review(request, new ResidentId(login), household, records.enrolments(login), submittedOn,
                rates.rates(district, Year.of(submittedOn.getYear())), rates.rates(district, Year.of(start.getYear())),
                !task.attachmentIds().isEmpty());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        EnrolRequest request = EnrolRequest.of(task.data());
        Account account = task.applicant();
        RecordsWriter writer = effects.records();
        Optional<Person> existing = records.person(account.login());
        Person person = existing.orElseGet(() -> Person.of(new ResidentId(account.login()), account.displayName(),
                account.district(), request.household().orElse(Household.LOCAL), request.contact()));
        YearMonth start = request.start().orElseThrow();
        for (InsuranceType type : request.types()) {
            writer.enrol(person, type, type == InsuranceType.PENSION ? request.tier().orElseThrow() : null, start);
        }
        existing.map(Person::contact).filter(c -> !same(c, request.contact())).ifPresent(c -> writer.changeContact(account.login(),
                new Contact(request.contact().mobile(), request.contact().address(), c.postalCode(), c.email(),
                        c.emergencyName(), c.emergencyPhone())));
        if (!task.attachmentIds().isEmpty()) {
            writer.changePhoto(account.login(), task.attachmentIds().get(task.attachmentIds().size() - 1));
        }
    }

    private static boolean same(Contact record, Contact asked) {
        return java.util.Objects.equals(record.mobile(), asked.mobile()) && java.util.Objects.equals(record.address(), asked.address());
    }
}
