package org.shebao.api.form;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.shebao.api.i18n.Text;

/**
 * One field of a business form. Build it with the static factories and the {@code with…} methods:
 * {@code Field.select("tier", label, choices).asRequired()}.
 *
 * @param name      the key in the task's data
 * @param type      how it is entered and shown
 * @param label     what the citizen reads
 * @param required  red: must be filled (必录项)
 * @param important blue: important information (重要信息)
 * @param readOnly  shown, not editable (identity fields, computed amounts)
 * @param choices   the options of a select or multi-select
 * @param min       lower bound (a date, month or length), or null
 * @param max       upper bound, or null
 * @param source    for a table: the plugin endpoint under {@code /api} that answers its rows
 * @param columns   for a table: its columns
 * @param pageSize  for a table: rows per page (0 = not paged)
 */
@ProviderType
public record Field(String name, FieldType type, Text label, boolean required, boolean important, boolean readOnly,
        List<Choice> choices, String min, String max, String source, List<Column> columns, int pageSize) {

    public Field {
        choices = List.copyOf(choices);
        columns = List.copyOf(columns);
    }

    private static Field of(String name, FieldType type, Text label) {
        return new Field(name, type, label, false, false, false, List.of(), null, null, null, List.of(), 0);
    }

    public static Field text(String name, Text label) {
        return of(name, FieldType.TEXT, label);
    }

    public static Field date(String name, Text label) {
        return of(name, FieldType.DATE, label);
    }

    public static Field month(String name, Text label) {
        return of(name, FieldType.MONTH, label);
    }

    public static Field select(String name, Text label, List<Choice> choices) {
        return of(name, FieldType.SELECT, label).withChoices(choices);
    }

    public static Field multiSelect(String name, Text label, List<Choice> choices) {
        return of(name, FieldType.MULTISELECT, label).withChoices(choices);
    }

    /** A computed amount: read-only by nature. */
    public static Field money(String name, Text label) {
        return of(name, FieldType.MONEY, label).asReadOnly();
    }

    public static Field table(String name, Text label, String source, List<Column> columns, int pageSize) {
        return new Field(name, FieldType.TABLE, label, false, false, false, List.of(), null, null, source, columns,
                pageSize);
    }

    public static Field photo(String name, Text label) {
        return of(name, FieldType.PHOTO, label);
    }

    public Field asRequired() {
        return new Field(name, type, label, true, important, readOnly, choices, min, max, source, columns, pageSize);
    }

    public Field asImportant() {
        return new Field(name, type, label, required, true, readOnly, choices, min, max, source, columns, pageSize);
    }

    public Field asReadOnly() {
        return new Field(name, type, label, required, important, true, choices, min, max, source, columns, pageSize);
    }

    public Field withChoices(List<Choice> options) {
        return new Field(name, type, label, required, important, readOnly, options, min, max, source, columns, pageSize);
    }

    public Field withRange(String lower, String upper) {
        return new Field(name, type, label, required, important, readOnly, choices, lower, upper, source, columns,
                pageSize);
    }
}
