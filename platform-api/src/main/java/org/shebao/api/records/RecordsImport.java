package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loading records from the bureau's back-end (and the demo's histories): persons, enrolments and ledger lines
 * as they are there. Not for businesses: their changes go through {@link RecordsWriter}.
 */
@ProviderType
public interface RecordsImport {

    /**
     * A line as the back-end holds it.
     *
     * @param tierPercent the pension tier it was computed at (110), or null when unknown
     * @param ratesYear   the year of the rates it was computed with; an earlier year than the month's makes it
     *                    provisional, re-rated when the month's year has its rates
     */
    record ImportedLine(InsuranceType type, YearMonth month, BigDecimal base, BigDecimal amount, LineStatus status,
            Integer tierPercent, int ratesYear) {

        /** A line computed with its own year's rates. */
        public ImportedLine(InsuranceType type, YearMonth month, BigDecimal base, BigDecimal amount, LineStatus status) {
            this(type, month, base, amount, status, null, month.getYear());
        }
    }

    /** A person with what the back-end holds of them, for {@link #importAll(List)}. */
    record PersonRecords(Person person, List<Enrolment> enrolments, List<ImportedLine> lines) {
    }

    /**
     * Loads persons not yet on record, each with their enrolments and ledger lines, in one transaction with batched
     * statements (not an entity per row): the back-end's first load, a thousand or so persons a call. Persons
     * already on record are left as they are and not counted; an invalid person (sex or birth date contradicting
     * the ID, no name, a district that is not six digits) refuses the whole call, and nothing is written.
     *
     * @return the number of ledger lines written
     */
    int importAll(List<PersonRecords> persons);

    /** Creates or replaces the person's identity and contact data; refused when sex or birth date contradict the ID. */
    void registerPerson(Person person);

    /** Creates or replaces the person's enrolment in the type. */
    void importEnrolment(String idNumber, Enrolment enrolment);

    /** Adds lines for months the person has none of that type; returns how many were added. */
    int importLines(String idNumber, List<ImportedLine> lines);

    /** Brings the person's ledger up to the day's month now (what the ledger job does for everyone). */
    void bringUpToDate(String idNumber, java.time.LocalDate today);
}
