package org.shebao.api.spi;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.i18n.Text;

/** What an endpoint reads from its query string, refused as the platform refuses bad input (400, problem+json). */
public final class Queries {

    private Queries() {
    }

    /** A month parameter, {@code YYYY-MM}: empty when not given, refused (code {@code bad-month}) when malformed. */
    public static Optional<YearMonth> month(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value.trim()));
        } catch (DateTimeParseException e) {
            Text message = Text.of(Queries.class, "org.shebao.api.spi.messages", "query.month", value.trim());
            throw new ShebaoException(Kind.BAD_INPUT, "bad-month", message, List.of(new FieldError(parameter, message)));
        }
    }
}
