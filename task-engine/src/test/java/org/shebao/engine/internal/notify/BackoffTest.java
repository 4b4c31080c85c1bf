package org.shebao.engine.internal.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Duration;

import org.junit.Test;

public class BackoffTest {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    public void theDelaysGrowFromAMinuteToAnHour() {
        long created = 1_000_000;
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        long now = created;
        for (int attempts = 1; attempts <= expected.length; attempts++) {
            long next = Backoff.next(created, attempts, now).getAsLong();
            assertEquals("after attempt " + attempts, expected[attempts - 1] * MINUTE, next - now);
            now = next;
        }
    }

    @Test
    public void afterADayItGivesUp() {
        long created = 0;
        // 1+2+4+8+16+32 = 63 minutes, then hourly: the last attempt that fits is before 24 h
        long now = created;
        int attempts = 0;
        while (true) {
            var next = Backoff.next(created, attempts + 1, now);
            if (next.isEmpty()) {
                break;
            }
            now = next.getAsLong();
            attempts++;
        }
        assertEquals(28, attempts);
        assertFalse(Backoff.next(created, 1, Duration.ofHours(24).toMillis()).isPresent());
        assertEquals(Duration.ofHours(24).toMillis(), Backoff.next(created, 1, Duration.ofHours(24).toMillis() - MINUTE).getAsLong());
    }

    @Test
    public void manyAttemptsDoNotOverflow() {
        assertEquals(60 * MINUTE, Backoff.next(0, 1000, 0).getAsLong());
    }
}
