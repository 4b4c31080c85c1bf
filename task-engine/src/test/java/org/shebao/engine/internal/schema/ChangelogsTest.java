package org.shebao.engine.internal.schema;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A changelog's update and its fingerprint, on an in-memory Derby database: the text is recorded only when the
 * update left Liquibase nothing to try again (told by the update itself, {@link EveryChangeSetRan}).
 */
public class ChangelogsTest {

    private static final String HEAD = "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/"
            + "dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">";
    private static final String TABLE_A = "<changeSet id=\"1\" author=\"t\"><createTable tableName=\"A\">"
            + "<column name=\"C\" type=\"INT\"/></createTable></changeSet>";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    @Rule
    public MemoryDerby derby = new MemoryDerby("changelogs");

    private DataSource database;
    private URLClassLoader loader;

    @Before
    public void database() throws IOException, SQLException {
        database = derby.dataSource();
        loader = new URLClassLoader(new URL[] {folder.getRoot().toURI().toURL()}, null);
        derby.fingerprintTable();
        derby.execute("CREATE TABLE FLAG (C INT)");
    }

    @After
    public void close() throws IOException {
        loader.close();
    }

    @Test
    public void aChangelogAppliedInFullIsRecordedAndLeftAloneAfter() throws Exception {
        write("full.xml", HEAD + TABLE_A + "</databaseChangeLog>");
        assertTrue("Liquibase applied it", Changelogs.update(database, loader, "full.xml"));
        assertTrue(exists("A"));
        assertEquals(1, fingerprints());
        assertFalse("the same text: nothing to look at", Changelogs.update(database, loader, "full.xml"));
    }

    @Test
    public void aChangesetSkippedByAPreconditionThatContinuesIsTriedAgainAtTheNextStart() throws Exception {
        write("waits.xml", HEAD + TABLE_A + "<changeSet id=\"2\" author=\"t\"><preConditions onFail=\"CONTINUE\">"
                + "<sqlCheck expectedResult=\"1\">SELECT COUNT(*) FROM FLAG</sqlCheck></preConditions><createTable tableName=\"B\">"
                + "<column name=\"C\" type=\"INT\"/></createTable></changeSet></databaseChangeLog>");
        assertTrue(Changelogs.update(database, loader, "waits.xml"));
        assertTrue("the first ran", exists("A"));
        assertEquals("not recorded: Liquibase must look again", 0, fingerprints());
        assertTrue("looked at again", Changelogs.update(database, loader, "waits.xml"));
        assertFalse(exists("B"));
        derby.execute("INSERT INTO FLAG VALUES (1)");
        assertTrue(Changelogs.update(database, loader, "waits.xml"));
        assertTrue("the second ran once its precondition held", exists("B"));
        assertEquals(1, fingerprints());
    }

    @Test
    public void aChangesetMarkedRanByItsPreconditionCountsAsApplied() throws Exception {
        write("marked.xml", HEAD + "<changeSet id=\"1\" author=\"t\"><preConditions onFail=\"MARK_RAN\">"
                + "<tableExists tableName=\"NOT_THERE\"/></preConditions><createTable tableName=\"M\">"
                + "<column name=\"C\" type=\"INT\"/></createTable></changeSet></databaseChangeLog>");
        assertTrue(Changelogs.update(database, loader, "marked.xml"));
        assertFalse(exists("M"));
        assertEquals(1, fingerprints());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.getRoot().toPath().resolve(name), text, StandardCharsets.UTF_8);
    }

    private int fingerprints() throws SQLException {
        try (Connection connection = database.getConnection(); Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT COUNT(*) FROM " + ChangelogFingerprints.TABLE)) {
            row.next();
            return row.getInt(1);
        }
    }

    private boolean exists(String table) throws SQLException {
        try (Connection connection = database.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
