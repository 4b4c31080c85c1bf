package org.shebao.api.task;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shebao.api.records.Rates;

/**
 * The computed figures the citizen sees before saving (monthly amount, totals per type, total), by the
 * name of the form's money field that shows each. Amounts are exact, two decimal places.
 *
 * @param amounts     the figures by field name
 * @param provisional whether they come from an earlier year's rates, standing in for a year without its own
 *                    (the console says 暂按 {@code ratesYear} 年度标准)
 * @param ratesYear   the year of the rates row they come from, or null when no rates were used
 */
public record Assessment(Map<String, BigDecimal> amounts, boolean provisional, Integer ratesYear) {

    public static final Assessment NONE = new Assessment(Map.of(), false, null);

    public Assessment {
        amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
    }

    public static Assessment of(Map<String, BigDecimal> amounts) {
        return new Assessment(amounts, false, null);
    }

    /** The figures, computed with the rates for the contribution year. */
    public static Assessment of(Map<String, BigDecimal> amounts, Rates rates, Year contributionYear) {
        return new Assessment(amounts, rates.provisionalFor(contributionYear), rates.year().getValue());
    }

    /** The same figures, marked as computed provisionally with the rates of that year (or not). */
    public Assessment rated(boolean isProvisional, int year) {
        return new Assessment(amounts, isProvisional, year == 0 ? null : year);
    }

    public BigDecimal amount(String name) {
        return amounts.getOrDefault(name, BigDecimal.ZERO);
    }

    /** Whether the named amount differs from the one in {@code shown} (what the citizen saw when submitting). */
    public boolean differsFrom(Assessment shown, String name) {
        return amount(name).compareTo(shown.amount(name)) != 0;
    }
}
