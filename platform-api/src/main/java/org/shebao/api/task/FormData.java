package org.shebao.api.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the citizen entered, as JSON values: strings, numbers, booleans and lists of them.
 * Typed readers answer empty for a missing, blank or malformed value; validation reports those.
 */
public record FormData(Map<String, Object> values) {

    public FormData {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static FormData of(Map<String, Object> values) {
        return new FormData(values);
    }

    public Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof List || value instanceof Map) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The strings of a multi-select or a ticked table (a single value counts as a list of one). */
    public List<String> list(String name) {
        Object value = values.get(name);
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null && !v.toString().isBlank()).map(v -> v.toString().trim()).toList();
        }
        return text(name).map(List::of).orElse(List.of());
    }

    public Optional<YearMonth> month(String name) {
        try {
            return text(name).map(YearMonth::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Optional<LocalDate> date(String name) {
        try {
            return text(name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean has(String name) {
        return text(name).isPresent() || !list(name).isEmpty();
    }
}
