package org.shebao.api.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A business form: its fields in order and the values it starts with (prefilled identity, current tier).
 */
public record FormSchema(List<Field> fields, Map<String, Object> values) {

    public FormSchema {
        fields = List.copyOf(fields);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static FormSchema of(List<Field> fields) {
        return new FormSchema(fields, Map.of());
    }

    public FormSchema withValues(Map<String, Object> prefill) {
        return new FormSchema(fields, prefill);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
