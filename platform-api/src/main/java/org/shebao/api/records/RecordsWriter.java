package org.shebao.api.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The changes an approved business makes to the records, bound to the approval's transaction (handed out by
 * {@link org.shebao.api.task.EffectContext#records()}): they commit or roll back with the task's state change.
 * Each checks its preconditions and refuses with a {@link org.shebao.api.ShebaoException} the citizen can read.
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

    /** Changes the pension tier from the month; at most once per calendar year. */
    void changeTier(String idNumber, int tierPercent, YearMonth from, LocalDate approvedOn);

    void changeContact(String idNumber, Contact contact);

    /** The person's photo becomes the attachment. */
    void changePhoto(String idNumber, long attachmentId);

    /** ARREARS lines of the person become PAYABLE (approved for back-payment). */
    void makePayable(String idNumber, List<Long> lineIds);

    /** ARREARS lines of the person are written off, audited, irreversibly. */
    void writeOff(String idNumber, List<Long> lineIds, String actor, long taskId);

    /** Back-payable gap months become PAYABLE pension lines, charged as {@link Records#assessGaps} says. */
    GapAssessment makeGapsPayable(String idNumber, List<YearMonth> months, LocalDate today);
}
