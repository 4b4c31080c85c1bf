package org.shebao.engine.internal.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shebao.api.task.Assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A task's data and assessment as stored (JSON text) and as shown (money as two-place strings). */
public final class TaskJson {

    /** Money stays exact: decimals are read as BigDecimal, never as double. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private TaskJson() {
    }

    static String write(Map<String, ?> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("task data is not JSON-serialisable", e);
        }
    }

    static Map<String, Object> read(String json) {
        if (json == null || json.isEmpty()) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task data is not JSON", e);
        }
    }

    /**
     * An assessment as API.md shows it: each amount by its field's name as a decimal string with two places, and
     * {@code provisional} (with {@code ratesYear}) when the figures stand on an earlier year's rates.
     */
    public static Map<String, Object> money(Assessment assessment) {
        Map<String, Object> out = new LinkedHashMap<>();
        assessment.amounts().forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        out.put(PROVISIONAL, assessment.provisional());
        if (assessment.ratesYear() != null) {
            out.put(RATES_YEAR, assessment.ratesYear());
        }
        return out;
    }

    private static final String AMOUNTS = "amounts";
    private static final String PROVISIONAL = "provisional";
    private static final String RATES_YEAR = "ratesYear";

    /** An assessment as stored: {@code {amounts: {…}, provisional, ratesYear}}. */
    static String write(Assessment assessment) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put(AMOUNTS, assessment.amounts());
        stored.put(PROVISIONAL, assessment.provisional());
        stored.put(RATES_YEAR, assessment.ratesYear());
        return write(stored);
    }

    /** A stored assessment; one stored by the first release is a flat map of amounts. */
    static Assessment assessment(String json) {
        Map<String, Object> stored = read(json);
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        if (stored.get(AMOUNTS) instanceof Map<?, ?> inner) {
            inner.forEach((k, v) -> amounts.put(k.toString(), new BigDecimal(v.toString())));
            Object year = stored.get(RATES_YEAR);
            return new Assessment(amounts, Boolean.TRUE.equals(stored.get(PROVISIONAL)),
                    year instanceof Number n ? n.intValue() : null);
        }
        stored.forEach((k, v) -> amounts.put(k, new BigDecimal(v.toString())));
        return Assessment.of(amounts);
    }
}
