package org.shebao.engine.internal.security;

import org.shebao.api.ShebaoException;
import org.shebao.api.i18n.Text;

/** 429 with the seconds after which to try again ({@code Retry-After}). */
public class TooManyAttempts extends ShebaoException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttempts(String code, Text detail, long retryAfterSeconds) {
        super(Kind.TOO_MANY_REQUESTS, code, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
