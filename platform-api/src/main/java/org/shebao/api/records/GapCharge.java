package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What back-paying one pension gap month costs.
 *
 * @param month       the gap month
 * @param tierPercent the tier charged (the citizen's current tier)
 * @param base        the base (of the current year or of the gap's year, per configuration)
 * @param amount      base × pension rate
 * @param interest    simple interest at each year's crediting rate, gap month to assessment month
 * @param ratesYear   the year of the rates row the base came from
 * @param provisional whether that row stands in for a year without its own (暂按 … 年度标准)
 */
public record GapCharge(YearMonth month, int tierPercent, BigDecimal base, BigDecimal amount, BigDecimal interest,
        int ratesYear, boolean provisional) {

    public BigDecimal total() {
        return amount.add(interest);
    }
}
