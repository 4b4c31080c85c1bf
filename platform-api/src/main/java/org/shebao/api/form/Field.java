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
 * @param max       upper bound (for text: the most characters), or null
 * @param source    for a table: the plugin endpoint under {@code /api} that answers its rows
 * @param columns   for a table: its columns
 * @param pageSize  for a table: rows per page (0 = not paged)
 * @param requiredWhen required (red) while another field's value is or contains a value, or null
 * @param queried   for a table: its rows load when the citizen presses 查询 (after choosing the filters), not as
 *                  the filters change
 */
@ProviderType
public record Field(String name, FieldType type, Text label, boolean required, boolean important, boolean readOnly,
        List<Choice> choices, String min, String max, String source, List<Column> columns, int pageSize,
        Condition requiredWhen, boolean queried) {

    /**
     * A condition on another field of the form.
     *
     * @param field    the other field's name
     * @param contains the value it is, or (for a multi-select) contains
     */
    public record Condition(String field, String contains) {

        /** Whether the form's values satisfy the condition. */
        public boolean holds(java.util.Map<String, ?> values) {
            Object value = values.get(field);
            if (value instanceof java.util.Collection<?> many) {
                return many.stream().anyMatch(v -> contains.equals(String.valueOf(v)));
            }
            return value != null && contains.equals(String.valueOf(value).trim());
        }
    }

    public Field {
        choices = List.copyOf(choices);
        columns = List.copyOf(columns);
    }

    private static Field of(String name, FieldType type, Text label) {
        return new Field(name, type, label, false, false, false, List.of(), null, null, null, List.of(), 0, null, false);
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
                pageSize, null, false);
    }

    public static Field photo(String name, Text label) {
        return of(name, FieldType.PHOTO, label);
    }

    public Field asRequired() {
        return copy(true, important, readOnly, choices, min, max, requiredWhen, queried);
    }

    public Field asImportant() {
        return copy(required, true, readOnly, choices, min, max, requiredWhen, queried);
    }

    public Field asReadOnly() {
        return copy(required, important, true, choices, min, max, requiredWhen, queried);
    }

    public Field withChoices(List<Choice> options) {
        return copy(required, important, readOnly, options, min, max, requiredWhen, queried);
    }

    public Field withRange(String lower, String upper) {
        return copy(required, important, readOnly, choices, lower, upper, requiredWhen, queried);
    }

    /**
     * A text field's longest value, in characters (Unicode code points, so an emoji or a rare hanzi counts once).
     * The engine refuses a longer value with a field error before the business sees it; without it a text field
     * holds at most {@link #DEFAULT_MAX_LENGTH}.
     */
    public Field withMaxLength(int length) {
        return copy(required, important, readOnly, choices, min, String.valueOf(length), requiredWhen, queried);
    }

    /** The longest text a field takes when its schema says nothing else. */
    public static final int DEFAULT_MAX_LENGTH = 200;

    /** Required (red) while the other field's value is or contains the value. */
    public Field requiredWhen(String otherField, String value) {
        return copy(required, important, readOnly, choices, min, max, new Condition(otherField, value), queried);
    }

    /** A table whose rows load on 查询, for the filters chosen then. */
    public Field asQueried() {
        return copy(required, important, readOnly, choices, min, max, requiredWhen, true);
    }

    private Field copy(boolean isRequired, boolean isImportant, boolean isReadOnly, List<Choice> options, String lower,
            String upper, Condition when, boolean isQueried) {
        return new Field(name, type, label, isRequired, isImportant, isReadOnly, options, lower, upper, source, columns,
                pageSize, when, isQueried);
    }
}
