package org.shebao.engine.internal.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.engine.internal.Messages;

/**
 * What task data may hold, whatever the business: only the form's fields, each a plain value (a list for a
 * multi-select or a table), text no longer than the field allows (counted in code points). Checked before the
 * business sees the data and before anything is stored.
 */
final class FormShape {

    /** Entries of a multi-select or a table's ticks. */
    static final int MAX_ITEMS = 1_000;
    /** A choice, a date, a month. */
    static final int MAX_SCALAR = 64;

    private FormShape() {
    }

    static List<FieldError> errors(FormSchema form, Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        values.forEach((key, value) -> {
            Optional<Field> field = form.field(key);
            if (field.isEmpty()) {
                errors.add(new FieldError(key, Messages.text("task.data.unknownField")));
            } else if (value != null) {
                check(field.get(), value).ifPresent(errors::add);
            }
        });
        return errors;
    }

    private static Optional<FieldError> check(Field field, Object value) {
        return switch (field.type()) {
            case MULTISELECT, TABLE -> list(field, value);
            case TEXT -> text(field.name(), value, maxLength(field));
            default -> text(field.name(), value, MAX_SCALAR);
        };
    }

    private static Optional<FieldError> list(Field field, Object value) {
        if (!(value instanceof Collection<?> items)) {
            return Optional.of(new FieldError(field.name(), Messages.text("task.data.notAList")));
        }
        if (items.size() > MAX_ITEMS) {
            return Optional.of(new FieldError(field.name(), Messages.text("task.data.tooMany", MAX_ITEMS)));
        }
        return items.stream().map(item -> text(field.name(), item, Field.DEFAULT_MAX_LENGTH)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<FieldError> text(String name, Object value, int max) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return Optional.of(new FieldError(name, Messages.text("task.data.notAValue")));
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        if (text.codePointCount(0, text.length()) > max) {
            return Optional.of(new FieldError(name, Messages.text("task.data.tooLong", max)));
        }
        return Optional.empty();
    }

    private static int maxLength(Field field) {
        try {
            return field.max() == null ? Field.DEFAULT_MAX_LENGTH : Integer.parseInt(field.max().trim());
        } catch (NumberFormatException e) {
            return Field.DEFAULT_MAX_LENGTH;
        }
    }
}
