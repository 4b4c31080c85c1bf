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

    private static final ObjectMapper MAPPER = new ObjectMapper();
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

    /** Amounts as decimal strings with two places, as API.md shows money. */
    public static Map<String, String> money(Assessment assessment) {
        Map<String, String> out = new LinkedHashMap<>();
        assessment.amounts().forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        return out;
    }

    static Assessment assessment(String json) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        read(json).forEach((k, v) -> amounts.put(k, new BigDecimal(v.toString())));
        return Assessment.of(amounts);
    }
}
