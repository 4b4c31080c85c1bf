package org.shebao.plugin.enrol.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.account.Account;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.Household;
import org.shebao.api.records.Identity;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;

import static org.shebao.plugin.enrol.internal.EnrolRules.TEXTS;

/**
 * The 增员(续保) form: identity (read-only), household (read-only once on record), contact, the types still open,
 * the tier (required while 110 is chosen), this month or the next, the monthly amounts, a photo.
 */
final class EnrolForm {

    private EnrolForm() {
    }

    static FormSchema of(Account account, Optional<Person> person, List<Enrolment> enrolments, Rates current,
            LocalDate today, Districts districts) {
        List<Field> fields = new ArrayList<>(Identity.fields());
        Field household = Field.select("household", TEXTS.t("field.household"), List.of(
                new Choice(Household.LOCAL.name(), TEXTS.t("household.LOCAL")),
                new Choice(Household.NON_LOCAL.name(), TEXTS.t("household.NON_LOCAL")))).asRequired();
        fields.add(person.isPresent() ? household.asReadOnly() : household);
        fields.add(Field.text("mobile", TEXTS.t("field.mobile")).withMaxLength(20).asRequired());
        fields.add(Field.text("address", TEXTS.t("field.address")).withMaxLength(100).asRequired());
        fields.add(Field.multiSelect("types", TEXTS.t("field.types"), EnrolRules.open(enrolments).stream()
                .map(type -> new Choice(type.code(), type.label())).toList()).asRequired());
        fields.add(Field.select("tier", TEXTS.t("field.tier"), current.pension().tiers().stream()
                .map(p -> new Choice(p.toString(), Text.literal(p + "%"))).toList()).asImportant()
                .requiredWhen("types", InsuranceType.PENSION.code()));
        fields.add(Field.select("startMonth", TEXTS.t("field.startMonth"), EnrolRules.startMonths(today).stream()
                .map(m -> new Choice(m.toString(), Text.literal(m.toString()))).toList()).asRequired());
        fields.add(Field.money("pensionMonthly", TEXTS.t("field.pensionMonthly")));
        fields.add(Field.money("medicalMonthly", TEXTS.t("field.medicalMonthly")));
        fields.add(Field.money("monthlyTotal", TEXTS.t("field.monthlyTotal")).asImportant());
        fields.add(Field.photo("photo", TEXTS.t("field.photo")));

        Map<String, Object> values = new LinkedHashMap<>(Identity.of(account, person).values(districts));
        values.put("household", person.map(p -> p.household().name()).orElse(Household.LOCAL.name()));
        person.map(p -> p.contact().values()).ifPresent(contact -> contact.forEach((key, value) -> {
            if (key.equals("mobile") || key.equals("address")) {
                values.put(key, value);
            }
        }));
        // a continuation starts at the tier the citizen paid before
        enrolments.stream().filter(e -> e.type() == InsuranceType.PENSION && e.tierPercent() != null).findFirst()
                .ifPresent(e -> values.put("tier", e.tierPercent().toString()));
        values.put("startMonth", YearMonth.from(today).toString());
        return new FormSchema(fields, values);
    }
}
