package org.shebao.engine.internal.certificate;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;

/** At most so many verifications a minute from one client address (a sliding minute); 429 beyond. */
final class VerifyLimiter {

    private static final long MINUTE = 60_000;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifyLimiter(Clock clock) {
        this.clock = clock;
    }

    void check(String address, int perMinute) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - MINUTE) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                throw new ShebaoException(Kind.TOO_MANY_REQUESTS, "too-many-verifications",
                        Messages.text("certificate.tooMany", perMinute));
            }
            times.addLast(now);
        }
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast() <= now - MINUTE);
        }
    }
}
