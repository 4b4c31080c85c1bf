package org.shebao.api;

import java.util.List;
import java.util.Locale;

import org.shebao.api.i18n.Text;

/**
 * A refusal the caller can act on. The platform answers it as {@code application/problem+json}
 * with the status of its {@link Kind}, the detail in the caller's language and, for bad input,
 * one entry per field. Whatever threw it, the transaction around it is rolled back.
 */
public class ShebaoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The families of refusal, each with its HTTP status. */
    public enum Kind {
        BAD_INPUT(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409),
        TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), TOO_MANY_REQUESTS(429), UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** One bad field: its name as in the form, and what is wrong with it. */
    public record FieldError(String field, Text message) {

        /**
         * A field that must be given and pass a check: none when it does; otherwise one error on it, the
         * {@code missing} text when not given, or the detail of the check's refusal.
         */
        public static java.util.List<FieldError> check(String field, boolean given, Text missing, Runnable check) {
            if (!given) {
                return java.util.List.of(new FieldError(field, missing));
            }
            try {
                check.run();
                return java.util.List.of();
            } catch (ShebaoException refused) {
                return java.util.List.of(new FieldError(field, refused.detail()));
            }
        }
    }

    private final Kind kind;
    private final String code;
    private final Text detail;
    private final List<FieldError> errors;

    /**
     * @param kind   the family (and HTTP status)
     * @param code   a stable, machine-readable code, e.g. {@code task-conflict}; becomes the problem type
     * @param detail what happened, in the caller's language
     * @param errors the bad fields, empty when not about input
     */
    public ShebaoException(Kind kind, String code, Text detail, List<FieldError> errors) {
        super(code + ": " + detail.in(Locale.ENGLISH));
        this.kind = kind;
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public ShebaoException(Kind kind, String code, Text detail) {
        this(kind, code, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Text detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
