package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Charge;
import org.shebao.api.records.Contact;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.RecordsWriter;

/** Hands an approval's effect a records writer bound to the approval's entity manager, approver and task. */
@Component(service = TxRecordsWriter.class)
public class TxRecordsWriter {

    private final PersonStore persons;
    private final EnrolmentStore enrolments;
    private final LineMoves lines;

    @Activate
    public TxRecordsWriter(@Reference PersonStore persons, @Reference EnrolmentStore enrolments, @Reference LineMoves lines) {
        this.persons = persons;
        this.enrolments = enrolments;
        this.lines = lines;
    }

    /** A writer whose changes commit or roll back with the approval, audited with its approver and task. */
    public RecordsWriter in(EntityManager em, String approvedBy, long taskId) {
        Actor actor = new Actor(approvedBy, taskId);
        return new RecordsWriter() {
            @Override
            public void enrol(Person person, InsuranceType type, Integer tierPercent, YearMonth from) {
                enrolments.enrol(em, person, type, tierPercent, from, actor);
            }

            @Override
            public void suspend(String idNumber, InsuranceType type, YearMonth lastPaying) {
                enrolments.suspend(em, idNumber, type, lastPaying, actor);
            }

            @Override
            public void setTier(String idNumber, int tierPercent, YearMonth from, LocalDate decidedOn) {
                enrolments.setTier(em, idNumber, tierPercent, from, decidedOn, actor);
            }

            @Override
            public void changeContact(String idNumber, Contact contact) {
                persons.changeContact(em, idNumber, contact, actor);
            }

            @Override
            public void changePhoto(String idNumber, long attachmentId) {
                persons.changePhoto(em, idNumber, attachmentId, actor);
            }

            @Override
            public List<LedgerLine> move(String idNumber, List<Long> lineIds, LineStatus from, LineStatus to) {
                return lines.move(em, idNumber, lineIds, from, to, actor);
            }

            @Override
            public void charge(String idNumber, List<Charge> charges) {
                lines.charge(em, idNumber, charges, actor);
            }
        };
    }
}
