package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month and type on a payment slip, as charged when the slip was issued. */
public record SlipLine(long lineId, InsuranceType type, YearMonth month, BigDecimal base, BigDecimal amount,
        BigDecimal lateFee, BigDecimal interest) {

    public BigDecimal total() {
        return amount.add(lateFee).add(interest);
    }
}
