package org.shebao.engine.internal.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Blocks of ids from {@code SB_SEQUENCE}, drawn as EclipseLink's table sequencing draws them (add the block's size to
 * {@code NEXTVALUE}, the block ends at the new value), in a transaction of their own so that the sequence's row is
 * not held while a long bulk write runs. Ids of a write that is then rolled back are left unused.
 */
final class Sequences {

    private Sequences() {
    }

    /** The first of {@code size} new ids of the sequence. */
    static long reserve(DataSource data, String name, int size) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE SB_SEQUENCE SET NEXTVALUE = NEXTVALUE + ? WHERE NAME = ?");
                    PreparedStatement read = c.prepareStatement("SELECT NEXTVALUE FROM SB_SEQUENCE WHERE NAME = ?")) {
                update.setLong(1, size);
                update.setString(2, name);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("No sequence " + name);
                }
                read.setString(1, name);
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    long last = r.getLong(1);
                    c.commit();
                    return last - size + 1;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
