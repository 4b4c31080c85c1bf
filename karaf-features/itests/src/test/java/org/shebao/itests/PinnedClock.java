package org.shebao.itests;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Moves the platform's clock ({@code org.shebao.clock}) inside the running container, and back to the suite's today:
 * how a test sees the platform on the 1st at 00:00:05 or on 31 December. Used with try/finally.
 */
final class PinnedClock implements AutoCloseable {

    /**
     * Configuration Admin delivers updates on one thread: behind another test's reconfiguration (a plugin's districts,
     * the whiteboard rebuilding its application) the clock's can wait several seconds on a loaded 2-core machine.
     */
    private static final int WAIT_SECONDS = 30;
    /**
     * An update not seen after this long is made again: Karaf's file install writes each update back to
     * {@code etc/org.shebao.clock.cfg} and may read its own older write back after a newer update (a lost update,
     * the clock left on the day before); the same properties again change nothing.
     */
    private static final long AGAIN_NANOS = 5_000_000_000L;

    private final ConfigurationAdmin configurations;
    private final Clock clock;

    private PinnedClock(ConfigurationAdmin configurations, Clock clock) {
        this.configurations = configurations;
        this.clock = clock;
    }

    /** The platform's today becomes the day; its time of day keeps running. */
    static PinnedClock at(ConfigurationAdmin configurations, Clock clock, LocalDate day) {
        PinnedClock pinned = new PinnedClock(configurations, clock);
        pinned.apply(day.toString(), "", "the platform's today " + day, () -> LocalDate.now(clock).equals(day));
        return pinned;
    }

    /** The platform's clock is set to the moment and runs on from there. */
    static PinnedClock at(ConfigurationAdmin configurations, Clock clock, LocalDateTime moment) {
        PinnedClock pinned = new PinnedClock(configurations, clock);
        pinned.apply(moment.toLocalDate().toString(), moment.toLocalTime().toString(), "the platform's now " + moment,
                () -> !LocalDateTime.now(clock).isBefore(moment) && LocalDateTime.now(clock).isBefore(moment.plusMinutes(1)));
        return pinned;
    }

    /** Sets the clock and waits until the platform's clock shows it, setting it again now and then. */
    private void apply(String today, String time, String what, BooleanSupplier reached) {
        set(today, time);
        long[] again = {System.nanoTime() + AGAIN_NANOS};
        Waits.until(what, WAIT_SECONDS, () -> {
            if (reached.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > again[0]) {
                set(today, time);
                again[0] = System.nanoTime() + AGAIN_NANOS;
            }
            return false;
        });
    }

    private void set(String today, String time) {
        try {
            Configuration config = configurations.getConfiguration("org.shebao.clock", null);
            Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
            props.put("today", today);
            props.put("time", time);
            config.update(props);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Back to the suite's today. */
    @Override
    public void close() {
        LocalDate today = LocalDate.parse(ShebaoContainer.TODAY);
        apply(ShebaoContainer.TODAY, "", "the suite's today again", () -> LocalDate.now(clock).equals(today)
                && LocalTime.now(clock).isAfter(LocalTime.MIN));
    }
}
