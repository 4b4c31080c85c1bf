package org.shebao.engine.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.rules.ExternalResource;

/** An in-memory Derby database for one test, dropped after it. */
final class MemoryDerby extends ExternalResource {

    private final String name;
    private EmbeddedDataSource database;

    MemoryDerby(String name) {
        this.name = name;
    }

    EmbeddedDataSource dataSource() {
        return database;
    }

    /** Runs the statements, each in its own transaction. */
    void execute(String... sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** The fingerprints' table as the engine's changelog makes it. */
    void fingerprintTable() throws SQLException {
        execute("CREATE TABLE " + ChangelogFingerprints.TABLE + " (CHANGELOG VARCHAR(255) NOT NULL,"
                + " SHA256 CHAR(64) NOT NULL, PRIMARY KEY (CHANGELOG, SHA256))");
    }

    @Override
    protected void before() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        database = new EmbeddedDataSource();
        database.setDatabaseName("memory:" + name);
        database.setCreateDatabase("create");
    }

    @Override
    protected void after() {
        database.setCreateDatabase(null);
        database.setConnectionAttributes("drop=true");
        try {
            database.getConnection().close();
        } catch (SQLException dropped) {
            // Derby answers a dropped database with an exception
        }
    }
}
