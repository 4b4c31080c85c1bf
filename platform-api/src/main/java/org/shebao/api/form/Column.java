package org.shebao.api.form;

import org.shebao.api.i18n.Text;

/**
 * A column of a {@link FieldType#TABLE} field.
 *
 * @param name  the property of each row
 * @param label the heading
 * @param type  how to show the cells ({@code TEXT}, {@code MONTH}, {@code MONEY}, ...)
 * @param total whether the column is summed over the ticked rows
 */
public record Column(String name, Text label, FieldType type, boolean total) {

    public static Column of(String name, Text label, FieldType type) {
        return new Column(name, label, type, false);
    }

    public static Column summed(String name, Text label) {
        return new Column(name, label, FieldType.MONEY, true);
    }
}
