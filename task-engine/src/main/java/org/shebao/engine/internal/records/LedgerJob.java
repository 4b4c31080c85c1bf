package org.shebao.engine.internal.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.engine.internal.task.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly ledger job: amounts due for every paying enrolment up to the current month, unpaid past-due
 * amounts into arrears, overdue slips expired. Idempotent (a second run creates nothing). Runs shortly after
 * start, then on the configured interval, and on demand ({@code shebao:ledger-run}). One transaction per person,
 * so that one person's trouble (a year with no rates, say) neither blocks nor undoes the others.
 */
@Component(service = LedgerJob.class, configurationPid = LedgerJob.PID)
@Designate(ocd = LedgerJob.Config.class)
public class LedgerJob {

    public static final String PID = "org.shebao.ledger";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerJob.class);

    @ObjectClassDefinition(name = "Shebao ledger job")
    public @interface Config {
        @AttributeDefinition(description = "Minutes between runs")
        int intervalMinutes() default 60;

        @AttributeDefinition(description = "Seconds after start before the first run")
        int initialDelaySeconds() default 20;
    }

    /** What a run did. */
    public record Result(LocalDate day, int persons, int changed, int failed) {
    }

    private final RecordsService records;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    @Activate
    public LedgerJob(@Reference RecordsService records, @Reference Clock clock, Config config) {
        this.records = records;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shebao-ledger-job");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(1, config.intervalMinutes()) * 60L;
        timer.scheduleWithFixedDelay(this::scheduled, Math.max(0, config.initialDelaySeconds()), interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void scheduled() {
        try {
            Result r = run(LocalDate.now(clock));
            LOG.info("Ledger job for {}: {} persons, {} lines changed, {} failed", r.day(), r.persons(), r.changed(), r.failed());
        } catch (RuntimeException e) {
            LOG.error("Ledger job failed", e);
        }
    }

    /** Brings every person's ledger up to the day. */
    public synchronized Result run(LocalDate day) {
        List<String> persons = records.ledgerPersons();
        int changed = 0;
        int failed = 0;
        for (String id : persons) {
            try {
                changed += records.bringUpToDateCounted(id, day);
            } catch (RuntimeException e) {
                failed++;
                LOG.error("Ledger job: person {} not brought up to {}: {}", mask(id), day,
                        Transactions.unwrap(e).getMessage());
            }
        }
        return new Result(day, persons.size(), changed, failed);
    }

    /** ID numbers in logs: region and the last four characters only. */
    static String mask(String id) {
        return id.length() < 10 ? id : id.substring(0, 6) + "********" + id.substring(id.length() - 4);
    }
}
