package org.shebao.api.task;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The computed figures the citizen sees before saving (monthly amount, totals per type, total), by the
 * name of the form's money field that shows each. Amounts are exact, two decimal places.
 */
public record Assessment(Map<String, BigDecimal> amounts) {

    public static final Assessment NONE = new Assessment(Map.of());

    public Assessment {
        amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
    }

    public static Assessment of(Map<String, BigDecimal> amounts) {
        return new Assessment(amounts);
    }

    public BigDecimal amount(String name) {
        return amounts.getOrDefault(name, BigDecimal.ZERO);
    }

    /** Whether the named amount differs from the one in {@code shown} (what the citizen saw when submitting). */
    public boolean differsFrom(Assessment shown, String name) {
        return amount(name).compareTo(shown.amount(name)) != 0;
    }
}
