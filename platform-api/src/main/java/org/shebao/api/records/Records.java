package org.shebao.api.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bureau's records as the businesses read them: persons, enrolments and the monthly ledger, each line in the
 * status it has on the day asked (a month due is arrears after the last day of the following month, a line on an
 * expired slip is payable again), whatever the ledger job has persisted yet. Changes go through
 * {@link RecordsWriter} (in an approval) and {@link Slips}.
 */
@ProviderType
public interface Records {

    Optional<Person> person(String idNumber);

    /** The person's enrolments (110, 310), whatever their status. */
    List<Enrolment> enrolments(String idNumber);

    default Optional<Enrolment> enrolment(String idNumber, InsuranceType type) {
        return enrolments(idNumber).stream().filter(e -> e.type() == type.enrolment()).findFirst();
    }

    /** The person's lines the query asks for, oldest month first (per month: 110, 310, 330; regular before others). */
    List<LedgerLine> lines(String idNumber, LineQuery query, LocalDate today);

    /**
     * The chosen lines on the day, in month order; refused (a {@link org.shebao.api.ShebaoException} the citizen can
     * read) unless each is the person's and in one of the statuses.
     */
    List<LedgerLine> chosen(String idNumber, List<Long> lineIds, Set<LineStatus> statuses, LocalDate today);
}
