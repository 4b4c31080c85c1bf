package org.shebao.engine.internal.cluster;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.db.Page;

/** The audit as administrators read it: newest first, by actor, action, district and days, a page at a time. */
@Component(service = AuditQuery.class)
public class AuditQuery {

    /** One entry; {@code at} in the platform's time zone. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String target, String district,
            String address, String detail) {
    }

    /** What to look for; null parts match everything; days from and to inclusive, in the platform's time zone. */
    public record Filter(String actor, String action, String district, LocalDate from, LocalDate to) {
    }

    private final ClusterDatabase database;
    private final Clock clock;

    @Activate
    public AuditQuery(@Reference ClusterDatabase database, @Reference Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Page<Entry> find(Filter filter, int page, int size) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, "ACTOR = ?", filter.actor());
        condition(where, params, "ACTION = ?", filter.action());
        condition(where, params, "DISTRICT = ?", filter.district());
        condition(where, params, "HAPPENEDAT >= ?", filter.from() == null ? null
                : filter.from().atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
        condition(where, params, "HAPPENEDAT < ?", filter.to() == null ? null
                : filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
        long total = database.query("SELECT COUNT(*) FROM SB_AUDIT" + where, rs -> rs.getLong(1), params.toArray()).get(0);
        List<Object> paged = new ArrayList<>(params);
        paged.add((long) page * size);
        paged.add(size);
        List<Entry> items = database.query("SELECT ID, HAPPENEDAT, ACTOR, ACTION, TARGET, DISTRICT, ADDRESS, DETAIL FROM SB_AUDIT"
                + where + " ORDER BY HAPPENEDAT DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                rs -> new Entry(rs.getLong(1), OffsetDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong(2)), clock.getZone()),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                paged.toArray());
        return new Page<>(items, total, page, size);
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }
}
