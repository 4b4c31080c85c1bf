package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.Records;
import org.shebao.api.records.RecordsImport;
import org.shebao.engine.internal.db.Transactions;

/** The records as services: each call one transaction of the engine's unit. */
@Component(service = {Records.class, RecordsImport.class, RecordsService.class})
public class RecordsService implements Records, RecordsImport {

    private final JpaTemplate jpa;
    private final BulkImport bulk;
    private final PersonStore persons;
    private final EnrolmentStore enrolments;
    private final Ledger ledger;
    private final LineQueries lines;

    @Activate
    public RecordsService(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference PersonStore persons, @Reference EnrolmentStore enrolments, @Reference Ledger ledger,
            @Reference LineQueries lines, @Reference BulkImport bulk) {
        this.jpa = jpa;
        this.bulk = bulk;
        this.persons = persons;
        this.enrolments = enrolments;
        this.ledger = ledger;
        this.lines = lines;
    }

    @Override
    public Optional<Person> person(String idNumber) {
        return tx(em -> persons.person(em, idNumber));
    }

    @Override
    public List<Enrolment> enrolments(String idNumber) {
        return tx(em -> enrolments.enrolments(em, idNumber));
    }

    @Override
    public List<LedgerLine> lines(String idNumber, LineQuery query, LocalDate today) {
        return tx(em -> lines.lines(em, idNumber, query, today));
    }

    @Override
    public List<LedgerLine> chosen(String idNumber, List<Long> lineIds, Set<LineStatus> statuses, LocalDate today) {
        return tx(em -> lines.chosen(em, idNumber, lineIds, statuses, today));
    }

    @Override
    public void registerPerson(Person person) {
        tx(em -> {
            persons.register(em, person, Actor.IMPORT);
            return null;
        });
    }

    @Override
    public void importEnrolment(String idNumber, Enrolment enrolment) {
        tx(em -> {
            enrolments.importEnrolment(em, idNumber, enrolment);
            return null;
        });
    }

    @Override
    public int importLines(String idNumber, List<ImportedLine> imported) {
        return tx(em -> {
            persons.require(em, idNumber);
            return ledger.importLines(em, idNumber, imported);
        });
    }

    @Override
    public int importAll(List<PersonRecords> batch) {
        return bulk.importAll(batch);
    }

    @Override
    public void bringUpToDate(String idNumber, LocalDate today) {
        bringUpToDateCounted(idNumber, today);
    }

    /** The ledger job's list of persons. */
    List<String> ledgerPersons() {
        return tx(ledger::ledgerPersons);
    }

    int bringUpToDateCounted(String idNumber, LocalDate today) {
        return tx(em -> ledger.bringUpToDate(em, idNumber, today));
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
