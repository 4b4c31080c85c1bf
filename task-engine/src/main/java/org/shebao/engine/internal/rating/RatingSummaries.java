package org.shebao.engine.internal.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Districts;
import org.shebao.engine.internal.cluster.ClusterDatabase;

/**
 * What the administrators read of the ratings of a period ({@code GET /api/admin/ratings}, the overview): counts and
 * averages overall, by stars, by business and district, and the comments of the low ones (1–2 stars), newest first.
 * Business names are the tasks' own (a removed plugin's ratings keep theirs).
 */
@Component(service = RatingSummaries.class)
public class RatingSummaries {

    static final int LOW_COMMENTS = 50;

    /** What is asked: a business or all (null), a district or the city (null), days from and to, both included. */
    public record Filter(String businessType, String district, LocalDate from, LocalDate to) {
    }

    public record Group(String businessType, String businessName, String district, String districtName, long count,
            BigDecimal average) {
    }

    public record Low(long taskId, String businessType, String businessName, String district, int stars, String comment,
            OffsetDateTime at) {
    }

    public record Summary(String businessType, String district, LocalDate from, LocalDate to, long count,
            BigDecimal average, Map<String, Long> byStars, List<Group> groups, List<Low> lowComments) {
    }

    private final ClusterDatabase database;
    private final Districts districts;
    private final Clock clock;

    @Activate
    public RatingSummaries(@Reference ClusterDatabase database, @Reference Districts districts, @Reference Clock clock) {
        this.database = database;
        this.districts = districts;
        this.clock = clock;
    }

    public Summary of(Filter f, Locale locale) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE r.RATEDAT >= ? AND r.RATEDAT < ?");
        List<Object> args = new ArrayList<>(List.of(millis(f.from()), millis(f.to().plusDays(1))));
        if (f.businessType() != null) {
            where.append(" AND r.BUSINESSTYPE = ?");
            args.add(f.businessType());
        }
        if (f.district() != null) {
            where.append(" AND r.DISTRICT = ?");
            args.add(f.district());
        }
        Object[] a = args.toArray();
        String name = "en".equals(locale.getLanguage()) ? "COALESCE(t.BUSINESSNAMEEN, t.BUSINESSNAME)" : "t.BUSINESSNAME";
        String from = " FROM SB_RATING r JOIN SB_TASK t ON t.ID = r.TASKID" + where;
        Map<String, Long> byStars = new LinkedHashMap<>();
        for (int s = 1; s <= 5; s++) {
            byStars.put(String.valueOf(s), 0L);
        }
        database.query("SELECT r.STARS, COUNT(*)" + from + " GROUP BY r.STARS", rs -> byStars.put(
                String.valueOf(rs.getInt(1)), rs.getLong(2)), a);
        long count = byStars.values().stream().mapToLong(Long::longValue).sum();
        long sum = byStars.entrySet().stream().mapToLong(e -> Long.parseLong(e.getKey()) * e.getValue()).sum();
        List<Group> groups = database.query("SELECT r.BUSINESSTYPE, MAX(" + name + "), r.DISTRICT, COUNT(*), SUM(r.STARS)"
                + from + " GROUP BY r.BUSINESSTYPE, r.DISTRICT ORDER BY r.BUSINESSTYPE, r.DISTRICT",
                rs -> new Group(rs.getString(1), rs.getString(2), rs.getString(3),
                        districts.name(rs.getString(3)).in(locale), rs.getLong(4), average(rs.getLong(5), rs.getLong(4))), a);
        List<Low> low = database.query("SELECT r.TASKID, r.BUSINESSTYPE, " + name + ", r.DISTRICT, r.STARS, r.COMMENTTEXT,"
                + " r.RATEDAT" + from + " AND r.STARS <= 2 AND r.COMMENTTEXT IS NOT NULL ORDER BY r.RATEDAT DESC, r.TASKID DESC"
                + " FETCH FIRST " + LOW_COMMENTS + " ROWS ONLY", rs -> new Low(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6),
                        OffsetDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong(7)), clock.getZone())), a);
        return new Summary(f.businessType(), f.district(), f.from(), f.to(), count, average(sum, count), byStars, groups, low);
    }

    /** The mean to two decimals (half up); none without ratings. */
    static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private long millis(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
    }
}
