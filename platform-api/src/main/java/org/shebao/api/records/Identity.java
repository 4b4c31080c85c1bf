package org.shebao.api.records;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shebao.api.account.Account;
import org.shebao.api.form.Field;
import org.shebao.api.i18n.Text;

/**
 * A citizen's identity as forms show it, read-only (name, ID number, sex, birth date, district): from the
 * record when there is one, else from the account and the ID number.
 */
public record Identity(String name, ResidentId idNumber, Sex sex, LocalDate birthDate, String district) {

    public static Identity of(Account account, java.util.Optional<Person> person) {
        ResidentId id = person.map(Person::id).orElseGet(() -> new ResidentId(account.login()));
        return new Identity(person.map(Person::name).orElse(account.displayName()), id,
                person.map(Person::sex).orElse(id.sex()), person.map(Person::birthDate).orElse(id.birthDate()),
                person.map(Person::district).orElse(account.district()));
    }

    /** The read-only identity fields, in the order forms show them. */
    public static List<Field> fields() {
        return List.of(
                Field.text("name", text("identity.name")).asReadOnly(),
                Field.text("idNumber", text("identity.idNumber")).asReadOnly(),
                Field.text("sex", text("identity.sex")).asReadOnly(),
                Field.date("birthDate", text("identity.birthDate")).asReadOnly(),
                Field.text("district", text("identity.district")).asReadOnly());
    }

    /** The values of {@link #fields()}, in Chinese (identity as the record states it), the district in words. */
    public Map<String, Object> values(Districts districts) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("idNumber", idNumber.value());
        values.put("sex", sexLabel(sex).in(Text.DEFAULT_LOCALE));
        values.put("birthDate", birthDate.toString());
        values.put("district", districts.name(district).in(Text.DEFAULT_LOCALE));
        return values;
    }

    public static Text sexLabel(Sex sex) {
        return text("sex." + sex.name());
    }

    private static Text text(String key) {
        return Text.of(Identity.class, "org.shebao.api.records.messages", key);
    }
}
