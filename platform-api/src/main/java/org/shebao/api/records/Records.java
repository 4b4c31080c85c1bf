package org.shebao.api.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bureau's records as the businesses read them, and the writes that happen outside a task's approval
 * (payment slips). Each method is one transaction; a refused write changes nothing and throws a
 * {@link org.shebao.api.ShebaoException} the citizen can read. Writes that approvals make go through
 * {@link RecordsWriter}, in the approval's transaction.
 */
@ProviderType
public interface Records {

    Optional<Person> person(String idNumber);

    /** The person's enrolments (110, 310), whatever their status. */
    List<Enrolment> enrolments(String idNumber);

    default Optional<Enrolment> enrolment(String idNumber, InsuranceType type) {
        return enrolments(idNumber).stream().filter(e -> e.type() == type.enrolment()).findFirst();
    }

    /**
     * Arrears lines, oldest first, of one type (with 310 come its 330 lines) or all: totals per type over all
     * of them, one page of lines, late fees as of {@code today}.
     */
    Arrears arrears(String idNumber, Optional<InsuranceType> type, int page, int size, LocalDate today);

    /** The person's lines in the statuses, of one type (or all), from a month (or all), oldest first. */
    List<LedgerLine> lines(String idNumber, Set<LineStatus> statuses, Optional<InsuranceType> type,
            Optional<YearMonth> from, LocalDate today);

    /**
     * The chosen lines assessed now; refused unless each belongs to the person and is in one of the statuses.
     */
    LinesAssessment assessLines(String idNumber, List<Long> lineIds, Set<LineStatus> statuses, LocalDate today);

    /** Pension gaps before the current month, from a month (or the first enrolment), oldest first. */
    List<GapMonth> gaps(String idNumber, Optional<YearMonth> from, LocalDate today);

    /** Back-paying the chosen gap months, assessed now; refused unless each is a back-payable gap. */
    GapAssessment assessGaps(String idNumber, List<YearMonth> months, LocalDate today);

    /** The person's slips, newest first. */
    List<Slip> slips(String idNumber);

    Optional<Slip> slip(String voucherNo);

    /**
     * Issues a payment slip for PAYABLE lines of the person (late fees charged as of today), valid for the
     * configured days; the lines go ON_SLIP.
     */
    Slip issueSlip(String idNumber, List<Long> lineIds, LocalDate today);

    /** Cancels an issued slip (district office only, checked by the caller); its lines return to PAYABLE. */
    Slip cancelSlip(String voucherNo, String cancelledBy, LocalDate today);

    /** Records the payment of an issued, valid slip: the slip and its lines become PAID. */
    Slip recordPayment(String voucherNo, String paymentRef, LocalDate paidOn);
}
