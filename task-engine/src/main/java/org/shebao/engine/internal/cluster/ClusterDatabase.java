package org.shebao.engine.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shared database, for the small statements that keep nodes in step (switches, uploads, job runs, counters):
 * plain JDBC in autocommit, on the engine's migrated tables.
 */
@Component(service = ClusterDatabase.class)
public class ClusterDatabase {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean postgres;

    @Activate
    public ClusterDatabase(@Reference(target = "(&(osgi.jndi.service.name=shebao.schema)(shebao.schemas=engine))")
            DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    /** True on PostgreSQL (several nodes possible); false on embedded Derby (one node). */
    public boolean postgres() {
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs an insert, update or delete; answers the rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Boolean b) {
                s.setBoolean(i + 1, b); // SMALLINT on Derby, BOOLEAN on PostgreSQL: the driver converts
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }

    /** A unique key already taken (SQLState 23505 on Derby and PostgreSQL alike). */
    public static boolean duplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
