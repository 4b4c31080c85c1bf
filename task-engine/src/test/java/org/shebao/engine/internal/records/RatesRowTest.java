package org.shebao.engine.internal.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.shebao.api.records.Rates;

/** Rows of configuration as the shipped .cfg files give them, and rows that must not activate. */
public class RatesRowTest {

    /** A configuration as DS would hand it, from the .cfg keys (defaults where a key is absent). */
    static RatesRow.Config config(Map<String, String> cfg) {
        return (RatesRow.Config) java.lang.reflect.Proxy.newProxyInstance(RatesRow.Config.class.getClassLoader(),
                new Class<?>[] {RatesRow.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return RatesRow.Config.class;
                    }
                    String key = method.getName().replace('_', '.');
                    String value = cfg.get(key);
                    Object fallback = method.getDefaultValue();
                    if (value == null) {
                        return fallback != null ? fallback : method.getReturnType() == int.class ? 0 : null;
                    }
                    Class<?> type = method.getReturnType();
                    return type == int.class ? Integer.valueOf(value) : type == boolean.class ? Boolean.valueOf(value) : value;
                });
    }

    static final Map<String, String> WUHAN_2022 = Map.of("district", "420100", "year", "2022",
            "pension.averageWage", "6795", "pension.creditingRate", "0.0612", "medical.base", "6795");

    @Test
    public void theShippedRowParses() {
        Rates r = RatesRow.parse(config(WUHAN_2022));
        assertEquals(List.of(60, 70, 80, 90, 100, 150, 200, 250, 300), r.pension().tiers());
        assertEquals(new BigDecimal("815.40"), r.pensionMonthly(60));
        assertEquals(new BigDecimal("414.70"), r.medicalMonthly());
        assertEquals(30, r.rules().slipValidDays());
        assertTrue(!r.rules().filingWindow().enabled());
    }

    @Test
    public void rowsWithMissingOrWrongFiguresDoNotActivate() {
        for (Map<String, String> bad : List.of(
                with("pension.averageWage", null), with("pension.averageWage", "abc"), with("pension.averageWage", "-1"),
                with("year", null), with("district", "4201"), with("gap.base", "later"),
                with("filing.window.firstDay", "21"), with("pension.tiers", " "))) {
            assertThrows(bad.toString(), IllegalArgumentException.class, () -> RatesRow.parse(config(bad)));
        }
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(WUHAN_2022);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return m;
    }

}
