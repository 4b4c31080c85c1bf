package org.shebao.engine.internal.records;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.JobRuns;
import org.shebao.engine.internal.metrics.Metrics;

import io.micrometer.core.instrument.Timer;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.engine.internal.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly ledger job: amounts due for every paying enrolment up to the current month, unpaid past-due
 * amounts into arrears, overdue slips expired, provisional lines re-rated once their year has rates. Idempotent (a
 * second run creates nothing). Runs shortly after start, at each local midnight (the day changed), on the configured
 * interval, and on demand ({@code shebao:ledger-run}). Reads never wait for it: they show statuses as of the moment
 * ({@link LineStates}). Everyone at once in set-based statements ({@link LedgerRollOver}: a city's roll-over
 * into a new month is a few hundred statements, not a loop over persons); the persons that pass leaves, one
 * transaction each, so that one person's trouble neither blocks nor undoes the others.
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
    public record Result(LocalDate day, int persons, int changed, int failed, int rerated, boolean setBased, int oneByOne,
            int reminded) {
    }

    private final RecordsService records;
    private final LedgerRollOver rollOver;
    private final Rerating rerating;
    private final SlipReminders reminders;
    private final Clock clock;
    private final JobRuns runs;
    private final int intervalMinutes;
    private final ScheduledExecutorService timer;
    private volatile LocalDate lastDay;
    private final Metrics metrics;

    @Activate
    public LedgerJob(@Reference RecordsService records, @Reference LedgerRollOver rollOver, @Reference Rerating rerating,
            @Reference SlipReminders reminders, @Reference Clock clock, @Reference JobRuns runs, @Reference Metrics metrics, Config config) {
        this.rollOver = rollOver;
        this.metrics = metrics;
        this.records = records;
        this.runs = runs;
        this.intervalMinutes = Math.max(1, config.intervalMinutes());
        this.rerating = rerating;
        this.reminders = reminders;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shebao-ledger-job");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(1, config.intervalMinutes()) * 60L;
        timer.scheduleWithFixedDelay(this::scheduled, Math.max(0, config.initialDelaySeconds()), interval, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::atMidnight, 1, 1, TimeUnit.SECONDS);
    }

    /** The first run of a new local day (00:00 Asia/Shanghai), once a run of the previous day has happened. */
    private void atMidnight() {
        LocalDate last = lastDay;
        if (last != null && !LocalDate.now(clock).equals(last)) {
            scheduled();
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /**
     * A timed run. The first after this node's start always runs (it brings the ledgers up to this node's rates);
     * later ones once per period across nodes: the day for the run at midnight, the interval's slot otherwise.
     */
    private void scheduled() {
        try {
            LocalDate today = LocalDate.now(clock);
            boolean first = lastDay == null;
            boolean newDay = !first && !today.equals(lastDay);
            lastDay = today;
            LocalTime time = LocalTime.now(clock);
            String period = newDay ? today.toString() : today + "/" + (time.getHour() * 60 + time.getMinute()) / intervalMinutes;
            if (!first && !runs.claim("ledger", period)) {
                return;
            }
            Result r = run(today);
            LOG.info("Ledger job for {}: {} persons ({}; {} one by one), {} lines changed, {} failed, {} re-rated, {} slips"
                    + " reminded", r.day(), r.persons(), r.setBased() ? "set-based" : "person by person", r.oneByOne(),
                    r.changed(), r.failed(), r.rerated(), r.reminded());
        } catch (RuntimeException e) {
            LOG.error("Ledger job failed", e);
        }
    }

    /** Brings every person's ledger up to the day. */
    public synchronized Result run(LocalDate day) {
        Timer.Sample sample = Timer.start();
        try {
            return bringUpToDate(day);
        } finally {
            sample.stop(Timer.builder("shebao.ledger.runs").description("Ledger job runs and their duration")
                    .register(metrics.registry()));
        }
    }

    /**
     * Everyone at once in set-based statements ({@link LedgerRollOver}), then one by one the persons that pass
     * leaves; should the set-based pass fail (a rates row missing, a concurrent write on another node), every
     * person one by one, as each person's failure is then counted and logged on its own.
     */
    private Result bringUpToDate(LocalDate day) {
        LedgerRollOver.Outcome outcome;
        try {
            outcome = rollOver.run(day);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Ledger job: the set-based roll-over to {} failed ({}); every person one by one instead", day,
                    e instanceof RuntimeException r ? Transactions.unwrap(r).getMessage() : e.getMessage());
            List<String> persons = records.ledgerPersons();
            return oneByOne(day, persons.size(), 0, persons, false);
        }
        return oneByOne(day, outcome.persons(), outcome.changed(), outcome.oneByOne(), true);
    }

    private Result oneByOne(LocalDate day, int persons, int changedBefore, java.util.Collection<String> ids,
            boolean setBased) {
        int changed = changedBefore;
        int failed = 0;
        for (String id : ids) {
            try {
                changed += records.bringUpToDateCounted(id, day);
            } catch (RuntimeException e) {
                failed++;
                LOG.error("Ledger job: person {} not brought up to {}: {}", mask(id), day,
                        Transactions.unwrap(e).getMessage());
            }
        }
        int reminded = 0;
        try {
            reminded = reminders.remind(day);
        } catch (RuntimeException e) {
            LOG.error("Ledger job: reminders of expiring slips failed: {}", Transactions.unwrap(e).getMessage());
        }
        return new Result(day, persons, changed, failed, rerating.run().rerated(), setBased, ids.size(), reminded);
    }

    /** ID numbers in logs: region and the last four characters only. */
    static String mask(String id) {
        return id.length() < 10 ? id : id.substring(0, 6) + "********" + id.substring(id.length() - 4);
    }
}
