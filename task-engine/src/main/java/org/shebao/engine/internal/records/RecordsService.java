package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Arrears;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.GapAssessment;
import org.shebao.api.records.GapMonth;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.LinesAssessment;
import org.shebao.api.records.Person;
import org.shebao.api.records.Records;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.Slip;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.Transactions;

/** The records as services: each call one transaction of the engine's unit. */
@Component(service = {Records.class, RecordsImport.class, RecordsService.class})
public class RecordsService implements Records, RecordsImport {

    private final JpaTemplate jpa;
    private final RecordsStore store;

    @Activate
    public RecordsService(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference RecordsStore store) {
        this.jpa = jpa;
        this.store = store;
    }

    @Override
    public Optional<Person> person(String idNumber) {
        return tx(em -> store.person(em, idNumber));
    }

    @Override
    public List<Enrolment> enrolments(String idNumber) {
        return tx(em -> store.enrolments(em, idNumber));
    }

    @Override
    public Arrears arrears(String idNumber, Optional<InsuranceType> type, int page, int size, LocalDate today) {
        if (page < 0 || size < 1 || size > 500) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-paging", Messages.text("paging.size", 500),
                    List.of(new FieldError(page < 0 ? "page" : "size", Messages.text(page < 0 ? "paging.page" : "paging.size", 500))));
        }
        return tx(em -> store.arrears(em, idNumber, type, page, size, today));
    }

    @Override
    public List<LedgerLine> lines(String idNumber, Set<LineStatus> statuses, Optional<InsuranceType> type,
            Optional<YearMonth> from, LocalDate today) {
        return tx(em -> store.lines(em, idNumber, statuses, type, from, today));
    }

    @Override
    public LinesAssessment assessLines(String idNumber, List<Long> lineIds, Set<LineStatus> statuses, LocalDate today) {
        return tx(em -> store.assessLines(em, idNumber, lineIds, statuses, today));
    }

    @Override
    public List<GapMonth> gaps(String idNumber, Optional<YearMonth> from, LocalDate today) {
        return tx(em -> store.gaps(em, idNumber, from, today));
    }

    @Override
    public GapAssessment assessGaps(String idNumber, List<YearMonth> months, LocalDate today) {
        return tx(em -> store.assessGaps(em, idNumber, months, today));
    }

    @Override
    public List<Slip> slips(String idNumber) {
        return tx(em -> store.slips(em, idNumber));
    }

    @Override
    public Optional<Slip> slip(String voucherNo) {
        return tx(em -> store.slip(em, voucherNo));
    }

    @Override
    public Slip issueSlip(String idNumber, List<Long> lineIds, LocalDate today) {
        return tx(em -> store.issueSlip(em, idNumber, lineIds, today));
    }

    @Override
    public Slip cancelSlip(String voucherNo, String cancelledBy, LocalDate today) {
        return tx(em -> store.cancelSlip(em, voucherNo, cancelledBy, today));
    }

    @Override
    public Slip recordPayment(String voucherNo, String paymentRef, LocalDate paidOn) {
        return tx(em -> store.recordPayment(em, voucherNo, paymentRef, paidOn));
    }

    @Override
    public void registerPerson(Person person) {
        tx(em -> {
            store.registerPerson(em, person, "import");
            return null;
        });
    }

    @Override
    public void importEnrolment(String idNumber, Enrolment enrolment) {
        tx(em -> {
            store.importEnrolment(em, idNumber, enrolment);
            return null;
        });
    }

    @Override
    public int importLines(String idNumber, List<ImportedLine> lines) {
        return tx(em -> store.importLines(em, idNumber, lines));
    }

    @Override
    public void bringUpToDate(String idNumber, LocalDate today) {
        tx(em -> store.bringUpToDate(em, idNumber, today));
    }

    /** The ledger job's list of persons. */
    List<String> ledgerPersons() {
        return tx(store::ledgerPersons);
    }

    int bringUpToDateCounted(String idNumber, LocalDate today) {
        return tx(em -> store.bringUpToDate(em, idNumber, today));
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
