package org.shebao.itests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** A look into the platform's database, for assertions on what an action left behind (audit rows, counts). */
final class Sql {

    private Sql() {
    }

    /** The number the query counts, its {@code ?} bound to the arguments in order. */
    static int count(DataSource database, String sql, Object... args) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
