package org.shebao.plugin.enrol.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Person;
import org.shebao.api.task.FormData;

/** What the citizen asked for, read leniently from the form (validation reports what is missing or wrong). */
record EnrolRequest(List<InsuranceType> types, Optional<Integer> tier, Optional<YearMonth> start,
        Optional<Household> household, Contact contact) {

    static EnrolRequest of(FormData data) {
        List<InsuranceType> types = data.list("types").stream().map(InsuranceType::ofCode).flatMap(Optional::stream)
                .filter(InsuranceType::enrolable).distinct().sorted().toList();
        Optional<Integer> tier = data.text("tier").filter(s -> s.matches("\\d{1,3}")).map(Integer::valueOf);
        Optional<Household> household = data.text("household").flatMap(h -> {
            try {
                return Optional.of(Household.valueOf(h));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        return new EnrolRequest(types, tier, data.month("startMonth"), household,
                new Contact(data.text("mobile").orElse(null), data.text("address").orElse(null), null, null, null, null));
    }

    /** The household on record, else the one asked for, else local. */
    Household household(Optional<Person> recorded) {
        return recorded.map(Person::household).orElse(household.orElse(Household.LOCAL));
    }

    boolean pension() {
        return types.contains(InsuranceType.PENSION);
    }
}
