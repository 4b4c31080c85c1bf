package org.shebao.plugin.gappayment.internal;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.shebao.api.records.Charge;
import org.shebao.api.records.InsuranceType;

/**
 * What back-paying one pension gap month costs now.
 *
 * @param month          the gap month
 * @param tierPercent    the tier charged (the citizen's current tier)
 * @param base           the base (of the current year or of the gap's year, per configuration)
 * @param amount         base × pension rate
 * @param interest       simple interest at each year's crediting rate, gap month to assessment month
 * @param ratesYear      the year of the rates row the base came from
 * @param provisionalFor the year whose own row was missing (暂按 … 年度标准), or null
 */
record GapCharge(YearMonth month, int tierPercent, BigDecimal base, BigDecimal amount, BigDecimal interest, int ratesYear,
        Integer provisionalFor) {

    BigDecimal total() {
        return amount.add(interest);
    }

    boolean provisional() {
        return provisionalFor != null;
    }

    /** The month as the records charge it: a PAYABLE pension line. */
    Charge charge() {
        return new Charge(InsuranceType.PENSION, month, tierPercent, base, amount, interest, ratesYear, provisionalFor);
    }
}
