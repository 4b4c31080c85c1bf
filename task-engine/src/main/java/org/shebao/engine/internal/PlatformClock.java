package org.shebao.engine.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform's one clock, in Asia/Shanghai. Tests and demos can pin "today" by configuration
 * ({@code etc/org.shebao.clock.cfg}, {@code today = 2026-11-28}); the time of day keeps running. With {@code time =
 * 00:00:05} as well, the clock is set to that moment of the pinned day when the configuration arrives, and runs on
 * from there (to see the platform at midnight on the 1st or on 31 December).
 */
@Component(service = Clock.class, configurationPid = "org.shebao.clock")
@Designate(ocd = PlatformClock.Config.class)
public class PlatformClock extends Clock {

    @ObjectClassDefinition(name = "Shebao clock")
    public @interface Config {
        @AttributeDefinition(description = "Time zone of the bureau")
        String zone() default "Asia/Shanghai";

        @AttributeDefinition(description = "Pinned date (YYYY-MM-DD) for tests and demos; empty for the real date")
        String today() default "";

        @AttributeDefinition(description = "With a pinned date: the time of day (HH:mm:ss) to start from; empty to keep the real time of day")
        String time() default "";
    }

    private volatile Clock delegate = Clock.system(ZoneId.of("Asia/Shanghai"));

    @Activate
    @Modified
    void configure(Config config) {
        ZoneId zone = ZoneId.of(config.zone());
        Clock system = Clock.system(zone);
        if (config.today().isBlank()) {
            delegate = system;
        } else {
            LocalDate pinned = LocalDate.parse(config.today().trim());
            if (config.time().isBlank()) {
                Instant startOfPinned = pinned.atStartOfDay(zone).toInstant();
                Instant startOfToday = LocalDate.now(system).atStartOfDay(zone).toInstant();
                delegate = Clock.offset(system, java.time.Duration.between(startOfToday, startOfPinned));
            } else {
                Instant moment = pinned.atTime(java.time.LocalTime.parse(config.time().trim())).atZone(zone).toInstant();
                delegate = Clock.offset(system, java.time.Duration.between(system.instant(), moment));
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
