package org.shebao.plugin.enrol.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.shebao.api.account.Account;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Person;
import org.shebao.api.records.RecordsWriter;

/**
 * What an approved 增员(续保) does to the records: the person's record made if there is none, each type enrolled (or
 * continued) from the start month, a changed mobile or address kept, the photo (a reviewer compared it) taken.
 */
final class EnrolEffect {

    private EnrolEffect() {
    }

    static void apply(EnrolRequest request, Account account, Optional<Person> existing, List<Long> attachmentIds,
            RecordsWriter writer) {
        Person person = existing.orElseGet(() -> Person.of(account, request.household().orElse(Household.LOCAL),
                request.contact()));
        YearMonth start = request.start().orElseThrow();
        for (InsuranceType type : request.types()) {
            writer.enrol(person, type, type == InsuranceType.PENSION ? request.tier().orElseThrow() : null, start);
        }
        existing.map(Person::contact).filter(c -> !sameContact(c, request.contact())).ifPresent(c -> writer.changeContact(
                account.login(), new Contact(request.contact().mobile(), request.contact().address(), c.postalCode(),
                        c.email(), c.emergencyName(), c.emergencyPhone())));
        if (!attachmentIds.isEmpty()) {
            writer.changePhoto(account.login(), attachmentIds.get(attachmentIds.size() - 1));
        }
    }

    private static boolean sameContact(Contact record, Contact asked) {
        return Objects.equals(record.mobile(), asked.mobile()) && Objects.equals(record.address(), asked.address());
    }
}
