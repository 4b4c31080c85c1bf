package org.shebao.itests;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Dictionary;
import java.util.Hashtable;

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

    private final ConfigurationAdmin configurations;
    private final Clock clock;

    private PinnedClock(ConfigurationAdmin configurations, Clock clock) {
        this.configurations = configurations;
        this.clock = clock;
    }

    /** The platform's today becomes the day; its time of day keeps running. */
    static PinnedClock at(ConfigurationAdmin configurations, Clock clock, LocalDate day) {
        PinnedClock pinned = new PinnedClock(configurations, clock);
        pinned.set(day.toString(), "");
        Waits.until("the platform's today " + day, WAIT_SECONDS, () -> LocalDate.now(clock).equals(day));
        return pinned;
    }

    /** The platform's clock is set to the moment and runs on from there. */
    static PinnedClock at(ConfigurationAdmin configurations, Clock clock, LocalDateTime moment) {
        PinnedClock pinned = new PinnedClock(configurations, clock);
        pinned.set(moment.toLocalDate().toString(), moment.toLocalTime().toString());
        Waits.until("the platform's now " + moment, WAIT_SECONDS, () -> !LocalDateTime.now(clock).isBefore(moment)
                && LocalDateTime.now(clock).isBefore(moment.plusMinutes(1)));
        return pinned;
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
        set(ShebaoContainer.TODAY, "");
        LocalDate today = LocalDate.parse(ShebaoContainer.TODAY);
        Waits.until("the suite's today again", WAIT_SECONDS, () -> LocalDate.now(clock).equals(today)
                && LocalTime.now(clock).isAfter(LocalTime.MIN));
    }
}
