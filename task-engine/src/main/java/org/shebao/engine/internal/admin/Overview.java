package org.shebao.engine.internal.admin;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.ClusterDatabase;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.MenuEntryRegistry;
import org.shebao.engine.internal.rating.RatingSummaries;

/**
 * How the hall is doing, for the city or one district: tasks by business and state, the oldest one waiting for a
 * decision, those referred to a reviewer, the pipeline's lag (the oldest submitted task still with the automatic
 * review), the ledger job's last run, and the plugins' health. Read in a few aggregate queries.
 */
@Component(service = Overview.class)
public class Overview {

    /** The ratings the overview shows: those of the last 30 days. */
    static final int RATING_DAYS = 30;

    /** How many tasks of one business are in one state. */
    public record Count(String businessType, String businessName, String state, long count) {
    }

    /** The oldest task waiting for a decision. */
    public record Waiting(long id, String businessType, String district, OffsetDateTime submittedAt, long ageSeconds) {
    }

    /** The ledger job's last periodic run. */
    public record JobRun(OffsetDateTime startedAt, String node) {
    }

    /** A plugin, named in words, and whether its bundle is active. */
    public record Plugin(String id, String name, String version, String bundleState, boolean healthy) {
    }

    /** The whole overview; {@code district} null for the city; times in the platform's time zone. */
    public record Report(String district, OffsetDateTime at, List<Count> tasks, Waiting oldestWaiting, long referred,
            Long pipelineLagSeconds, JobRun lastLedgerRun, List<Plugin> plugins, RatingSummaries.Summary ratings) {
    }

    private final ClusterDatabase database;
    private final PluginInfos plugins;
    private final BusinessTypeRegistry types;
    private final MenuEntryRegistry entries;
    private final Clock clock;
    private final RatingSummaries ratings;

    @Activate
    public Overview(@Reference ClusterDatabase database, @Reference PluginInfos plugins,
            @Reference BusinessTypeRegistry types, @Reference MenuEntryRegistry entries, @Reference Clock clock,
            @Reference RatingSummaries ratings) {
        this.ratings = ratings;
        this.types = types;
        this.entries = entries;
        this.database = database;
        this.plugins = plugins;
        this.clock = clock;
    }

    /** Seconds since the oldest submitted task still with the automatic review was submitted; null if none. */
    public Long pipelineLagSeconds(String district) throws SQLException {
        List<Long> automatic = database.query("SELECT MIN(SUBMITTEDAT) FROM SB_TASK WHERE STATE = 'SUBMITTED'"
                + " AND (REVIEWSTAGE IS NULL OR REVIEWSTAGE = 'AUTO')" + (district == null ? "" : " AND DISTRICT = ?"),
                rs -> rs.getObject(1) == null ? null : rs.getLong(1), district == null ? new Object[0] : new Object[] {district});
        return automatic.isEmpty() || automatic.get(0) == null ? null : Math.max(0, (clock.millis() - automatic.get(0)) / 1000);
    }

    public Report of(String district, Locale locale) throws SQLException {
        String where = district == null ? "" : " AND DISTRICT = ?";
        Object[] args = district == null ? new Object[0] : new Object[] {district};
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<Count> counts = database.query("SELECT BUSINESSTYPE, MAX(" + (english ? "BUSINESSNAMEEN" : "BUSINESSNAME")
                + "), STATE, COUNT(*) FROM SB_TASK WHERE 1 = 1" + where + " GROUP BY BUSINESSTYPE, STATE"
                + " ORDER BY BUSINESSTYPE, STATE", rs -> new Count(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4)), args);
        long now = clock.millis();
        List<Waiting> oldest = database.query("SELECT ID, BUSINESSTYPE, DISTRICT, SUBMITTEDAT FROM SB_TASK"
                + " WHERE STATE = 'SUBMITTED'" + where + " ORDER BY SUBMITTEDAT, ID FETCH FIRST 1 ROWS ONLY",
                rs -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs.getLong(4)),
                        Math.max(0, (now - rs.getLong(4)) / 1000)), args);
        long referred = database.query("SELECT COUNT(*) FROM SB_TASK WHERE STATE = 'SUBMITTED' AND REVIEWSTAGE = 'HUMAN'"
                + where, rs -> rs.getLong(1), args).get(0);
        Long lag = pipelineLagSeconds(district);
        List<JobRun> ledger = database.query("SELECT STARTEDAT, NODE FROM SB_JOB_RUN WHERE JOB = 'ledger'"
                + " ORDER BY STARTEDAT DESC FETCH FIRST 1 ROWS ONLY",
                rs -> new JobRun(time(rs.getLong(1)), rs.getString(2)));
        List<Plugin> health = new ArrayList<>();
        plugins.list().forEach(p -> health.add(new Plugin(p.id(), types.nameOfPlugin(p.id()).or(() -> entries.labelOf(p.id()))
                .map(t -> t.in(locale)).orElse(p.id()), p.version(), p.bundleState(), "ACTIVE".equals(p.bundleState()))));
        LocalDate today = LocalDate.now(clock);
        RatingSummaries.Summary rated = ratings.of(new RatingSummaries.Filter(null, district,
                today.minusDays(RATING_DAYS - 1), today), locale);
        return new Report(district, time(now), counts, oldest.isEmpty() ? null : oldest.get(0), referred,
                lag, ledger.isEmpty() ? null : ledger.get(0), health, rated);
    }

    private OffsetDateTime time(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), clock.getZone());
    }
}
