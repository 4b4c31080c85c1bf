package org.shebao.api.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The changes an approved business makes to the records, bound to the approval's transaction (handed out by
 * {@link org.shebao.api.task.EffectContext#records()}): they commit or roll back with the task's state change. Each
 * keeps the records' own invariants (a line moves only between the statuses the ledger allows, a paying type is not
 * enrolled twice) and refuses with a {@link org.shebao.api.ShebaoException} the citizen can read; every change is
 * audited with the approver and the task. The rules of a business (how often a tier may change, what may be written
 * off, what a gap costs) are its own.
 */
@ProviderType
public interface RecordsWriter {

    /**
     * Enrols in a type (110 with a tier; 310 brings 330) paying from the month, or continues (续保) a suspended
     * enrolment from it. Refused when the type is already paying. Creates the person's record when absent.
     */
    void enrol(Person person, InsuranceType type, Integer tierPercent, YearMonth from);

    /** Suspends a paying type after the month {@code lastPaying}; months up to it stay owed. */
    void suspend(String idNumber, InsuranceType type, YearMonth lastPaying);

    /** The paying pension's tier from the month on (amounts due from then follow it), decided on the day. */
    void setTier(String idNumber, int tierPercent, YearMonth from, LocalDate decidedOn);

    void changeContact(String idNumber, Contact contact);

    /** The person's photo becomes the attachment. */
    void changePhoto(String idNumber, long attachmentId);

    /**
     * Moves the person's lines from one status to another: ARREARS to PAYABLE (approved for back-payment) or to
     * WRITTEN_OFF (irreversible). Refused unless each line is the person's and in {@code from} now.
     *
     * @return the lines as they were before the move
     */
    List<LedgerLine> move(String idNumber, List<Long> lineIds, LineStatus from, LineStatus to);

    /**
     * Charges the person months owed now (back-paid gaps): each a PAYABLE line, or a written-off month's line charged
     * again (the write-off stays in the audit trail). Refused for a month that has a line in any other status.
     */
    void charge(String idNumber, List<Charge> charges);
}
