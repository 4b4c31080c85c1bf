package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.db.Transactions;

/**
 * What a citizen's own record pages read, each in one transaction, counted and paged by the database: a person with
 * 15 years of ledger has 500 lines, of which a page shows 24 and the summary needs the unpaid few.
 */
@Component(service = CitizenReads.class)
public class CitizenReads {

    /** Who, the enrolments, the paid months by type code and the lines not paid yet (arrears, payable, on a slip). */
    public record Overview(Optional<Person> person, List<Enrolment> enrolments, Map<String, Integer> paidMonths,
            List<LedgerLine> unpaid) {
    }

    private final JpaTemplate jpa;
    private final PersonStore persons;
    private final EnrolmentStore enrolments;
    private final LineQueries lines;

    @Activate
    public CitizenReads(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference PersonStore persons,
            @Reference EnrolmentStore enrolments, @Reference LineQueries lines) {
        this.jpa = jpa;
        this.persons = persons;
        this.enrolments = enrolments;
        this.lines = lines;
    }

    public Overview overview(String idNumber, LocalDate today) {
        return Transactions.inTransaction(jpa, em -> new Overview(persons.person(em, idNumber),
                enrolments.enrolments(em, idNumber), lines.paidMonths(em, idNumber),
                lines.lines(em, idNumber, LineQuery.in(LineStatus.ARREARS, LineStatus.PAYABLE, LineStatus.ON_SLIP), today)));
    }

    /** A page of the lines, newest month first. */
    public Page<LedgerLine> page(String idNumber, LineQuery query, LocalDate today, int page, int size) {
        return Transactions.inTransaction(jpa, em -> lines.page(em, idNumber, query, today, page, size));
    }
}
