package org.shebao.engine.internal.certificate;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.cluster.Throttles;

/**
 * At most so many verifications a minute from one client address (counted in the database, the same on every
 * node); 429 beyond.
 */
final class VerifyLimiter {

    private static final long MINUTE = 60_000;

    private final Throttles throttles;

    VerifyLimiter(Throttles throttles) {
        this.throttles = throttles;
    }

    void check(String address, int perMinute) {
        if (throttles.hit("verify:" + (address == null ? "" : address), MINUTE) > perMinute) {
            throw new ShebaoException(Kind.TOO_MANY_REQUESTS, "too-many-verifications",
                    Messages.text("certificate.tooMany", perMinute));
        }
    }
}
