package org.shebao.engine.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Brings the query planner's statistics of tables up to date, as a bulk load should end: PostgreSQL's
 * {@code VACUUM (ANALYZE)} (row estimates, and the visibility map that lets an index answer alone), Derby's
 * {@code SYSCS_UPDATE_STATISTICS}. Left to themselves, autovacuum and Derby's statistics daemon do the same work in the
 * first minutes of service, over the first citizens' queries.
 */
@Component(service = PlannerStatistics.class)
public class PlannerStatistics {

    private static final Pattern TABLE = Pattern.compile("SB_[A-Z_]{1,40}");

    private final DataSource data;

    @Activate
    public PlannerStatistics(@Reference(target = "(osgi.jndi.service.name=shebao)") DataSource data) {
        this.data = data;
    }

    /** Refreshes the statistics of each table (the engine's own, {@code SB_…}), one after the other. */
    public void refresh(List<String> tables) throws SQLException {
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not one of the engine's tables: " + table);
            }
        }
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true); // VACUUM runs outside a transaction
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            for (String table : tables) {
                if (postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("VACUUM (ANALYZE) " + table);
                    }
                } else {
                    try (PreparedStatement s = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
                        s.setString(1, c.getSchema());
                        s.setString(2, table);
                        s.execute();
                    }
                }
            }
        }
    }
}
