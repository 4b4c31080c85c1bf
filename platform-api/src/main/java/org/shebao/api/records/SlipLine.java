package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month and type on a payment slip, as charged when the slip was issued.
 *
 * @param ratesYear   the year of the rates row the amount was computed with
 * @param provisional whether that row was an earlier year's (暂按 … 年度标准)
 * @param kind        the month's contribution or a difference (补差)
 */
public record SlipLine(long lineId, InsuranceType type, YearMonth month, BigDecimal base, BigDecimal amount,
        BigDecimal lateFee, BigDecimal interest, LineKind kind, int ratesYear, boolean provisional) {

    public BigDecimal total() {
        return amount.add(lateFee).add(interest);
    }
}
