package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A month charged to a person now for back-payment (a pension gap, say), computed by the business: it becomes a
 * PAYABLE line, with no late fee.
 *
 * @param type           the insurance type
 * @param month          the contribution month
 * @param tierPercent    the pension tier charged (110), or null
 * @param base           the base
 * @param amount         the amount
 * @param interest       interest charged with it
 * @param ratesYear      the year of the rates row the amount comes from
 * @param provisionalFor the year whose own row was missing (the amount is then re-rated when it comes), or null
 */
public record Charge(InsuranceType type, YearMonth month, Integer tierPercent, BigDecimal base, BigDecimal amount,
        BigDecimal interest, int ratesYear, Integer provisionalFor) {

    public BigDecimal total() {
        return amount.add(interest);
    }
}
