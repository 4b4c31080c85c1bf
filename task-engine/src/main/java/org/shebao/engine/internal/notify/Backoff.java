package org.shebao.engine.internal.notify;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a failed delivery is tried again: 1 minute after the first attempt, then twice as long each time, at most an
 * hour apart; none once 24 hours have passed since the entry was written.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    private Backoff() {
    }

    /** The time of the next attempt after {@code attempts} failed ones, or none: give up. */
    static OptionalLong next(long createdAt, int attempts, long now) {
        long delay = FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long next = now + Math.min(delay, LONGEST.toMillis());
        return next > createdAt + GIVE_UP_AFTER.toMillis() ? OptionalLong.empty() : OptionalLong.of(next);
    }
}
