package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month's contribution of one type (110, 310 and 330 are separate lines).
 *
 * @param id        the line's id, stable for life
 * @param type      the insurance type
 * @param month     the contribution month
 * @param base      the contribution base
 * @param amount    the amount due for the month
 * @param lateFee   the late fee: on a slip as charged, else as it stands today (zero when not applied)
 * @param interest  interest charged on a back-paid gap month, else zero
 * @param status    where it stands
 * @param voucherNo the slip it is on, or null
 * @param kind      the month's contribution, or a difference or credit after re-rating
 * @param ratesYear the year of the rates row the amount was computed with
 * @param provisional whether that row is an earlier year's, applied until the month's year has its own
 * @param paidOn    the day it was paid (local date of the payment), or null
 */
public record LedgerLine(long id, InsuranceType type, YearMonth month, BigDecimal base, BigDecimal amount,
        BigDecimal lateFee, BigDecimal interest, LineStatus status, String voucherNo, LineKind kind, int ratesYear,
        boolean provisional, java.time.LocalDate paidOn) {

    /** Amount, late fee and interest together. */
    public BigDecimal total() {
        return amount.add(lateFee).add(interest);
    }

    /** The line as a row of a console table (JSON): codes, names in the language, money as exact decimals. */
    public Row row(java.util.Locale locale) {
        return new Row(id, type.code(), type.label().in(locale), month.toString(), base, amount, lateFee, interest, total(),
                status.name(), status.label().in(locale), kind.name(), kind.label().in(locale), ratesYear, provisional,
                voucherNo, paidOn);
    }

    /** A line as the console's tables show it. */
    public record Row(long id, String insuranceType, String typeName, String month, BigDecimal base, BigDecimal amount,
            BigDecimal lateFee, BigDecimal interest, BigDecimal total, String status, String statusName, String kind,
            String kindName, int ratesYear, boolean provisional, String voucherNo, java.time.LocalDate paidOn) {
    }
}
