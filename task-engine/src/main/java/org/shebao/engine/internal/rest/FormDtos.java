package org.shebao.engine.internal.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A business's form as the console draws it (API.md), in the caller's language. */
final class FormDtos {

    /** An option of a select. */
    record OptionDto(String value, String label) {
    }

    /** A column of a table. */
    record ColumnDto(String name, String label, String type, boolean total) {
    }

    /** A form field. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record FieldDto(String name, String type, String label, boolean required, boolean important, boolean readOnly,
            List<OptionDto> options, String min, String max, String source, List<ColumnDto> columns, Integer pageSize,
            Field.Condition requiredWhen, Boolean queried) {
    }

    /** A form: its fields and prefilled values. */
    record FormDto(List<FieldDto> fields, Map<String, Object> values) {
    }

    private FormDtos() {
    }

    /** The form; a table's relative source is one of its plugin's endpoints, {@code /api/plugins/<id>/<source>}. */
    static FormDto of(FormSchema schema, String pluginId, Locale locale) {
        return new FormDto(schema.fields().stream().map(f -> field(f, pluginId, locale)).toList(), schema.values());
    }

    private static FieldDto field(Field f, String pluginId, Locale locale) {
        List<OptionDto> options = f.choices().stream().map(c -> new OptionDto(c.value(), c.label().in(locale))).toList();
        List<ColumnDto> columns = f.columns().stream().map(c -> column(c, locale)).toList();
        String source = f.source() == null || f.source().startsWith("/") ? f.source()
                : "/api/plugins/" + pluginId + "/" + f.source();
        return new FieldDto(f.name(), f.type().name().toLowerCase(Locale.ROOT), f.label().in(locale), f.required(),
                f.important(), f.readOnly(), options, f.min(), f.max(), source, columns,
                f.pageSize() > 0 ? f.pageSize() : null, f.requiredWhen(), f.queried() ? Boolean.TRUE : null);
    }

    private static ColumnDto column(Column c, Locale locale) {
        return new ColumnDto(c.name(), c.label().in(locale), c.type().name().toLowerCase(Locale.ROOT), c.total());
    }
}
