package org.shebao.api.records;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A person's enrolment in one insurance type (110 or 310; 330 rides with 310).
 *
 * @param type          110 or 310
 * @param status        paying, suspended or terminated
 * @param tierPercent   the pension tier (60 … 300) for 110, null for 310
 * @param start         the first month ever enrolled
 * @param payingFrom    the first month of the current (or last) paying period
 * @param payingUntil   the last month of that period when suspended or terminated, else null
 * @param tierChangedOn the day the last tier change was approved, or null
 */
public record Enrolment(InsuranceType type, EnrolmentStatus status, Integer tierPercent, YearMonth start,
        YearMonth payingFrom, YearMonth payingUntil, LocalDate tierChangedOn) {

    public boolean paying() {
        return status == EnrolmentStatus.PAYING;
    }
}
