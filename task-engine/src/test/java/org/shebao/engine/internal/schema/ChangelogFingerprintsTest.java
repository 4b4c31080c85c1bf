package org.shebao.engine.internal.schema;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The fingerprints that let a start skip Liquibase, on an in-memory Derby database. */
public class ChangelogFingerprintsTest {

    private static final String CHANGESET = "<databaseChangeLog><changeSet id=\"1\" author=\"a\">"
            + "<createTable tableName=\"T\"><column name=\"C\" type=\"INT\"/></createTable></changeSet>";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    @Rule
    public MemoryDerby derby = new MemoryDerby("fingerprints");

    private DataSource database;
    private URLClassLoader loader;

    @Before
    public void database() throws IOException {
        database = derby.dataSource();
        loader = new URLClassLoader(new URL[] {folder.getRoot().toURI().toURL()}, null);
    }

    @After
    public void close() throws IOException {
        loader.close();
    }

    @Test
    public void theSameTextHasTheSameFingerprintAndAnotherTextAnother() throws IOException {
        Optional<String> first = fingerprint("a.xml", CHANGESET + "</databaseChangeLog>");
        assertEquals(64, first.orElseThrow().length());
        assertEquals(first, fingerprint("b.xml", CHANGESET + "</databaseChangeLog>"));
        assertFalse(first.equals(fingerprint("c.xml", CHANGESET + "<!-- one more --></databaseChangeLog>")));
    }

    @Test
    public void aChangelogThatDependsOnMoreThanItsTextHasNone() throws IOException {
        assertEquals(Optional.empty(), fingerprint("i.xml", "<databaseChangeLog><include file=\"x.xml\"/></databaseChangeLog>"));
        assertEquals(Optional.empty(), fingerprint("r.xml", CHANGESET.replace("author=\"a\"", "author=\"a\" runAlways=\"true\"")
                + "</databaseChangeLog>"));
        assertEquals(Optional.empty(), fingerprint("s.xml", "<databaseChangeLog><changeSet id=\"1\" author=\"a\">"
                + "<sqlFile path=\"x.sql\"/></changeSet></databaseChangeLog>"));
        assertEquals(Optional.empty(), fingerprint("p.xml", "<databaseChangeLog><changeSet id=\"1\" author=\"a\">"
                + "<createProcedure path=\"p.sql\"/></changeSet></databaseChangeLog>"));
        assertEquals(Optional.empty(), fingerprint("n.xml", "<lb:databaseChangeLog><lb:INCLUDE file=\"x.xml\"/></lb:databaseChangeLog>"));
        assertEquals("other formats: Liquibase reads them every time", Optional.empty(),
                fingerprint("y.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 1\n"));
        assertEquals(Optional.empty(), ChangelogFingerprints.of(loader, "missing.xml"));
    }

    @Test
    public void aChangelogNamedFromTheRootOrTheClasspathIsTheSameFile() throws IOException {
        Optional<String> plain = fingerprint("a.xml", CHANGESET + "</databaseChangeLog>");
        assertEquals(plain, ChangelogFingerprints.of(loader, "/a.xml"));
        assertEquals(plain, ChangelogFingerprints.of(loader, "classpath:a.xml"));
    }

    @Test
    public void withoutItsTableNothingCountsAsAppliedAndNothingIsRecorded() {
        ChangelogFingerprints.record(database, "a.xml", "0".repeat(64));
        assertFalse(ChangelogFingerprints.applied(database, "a.xml", "0".repeat(64)));
    }

    @Test
    public void aRecordedTextIsAppliedOnceForThatChangelogOnly() throws SQLException {
        derby.fingerprintTable();
        String sha = "a".repeat(64);
        assertFalse(ChangelogFingerprints.applied(database, "a.xml", sha));
        ChangelogFingerprints.record(database, "a.xml", sha);
        ChangelogFingerprints.record(database, "a.xml", sha); // a second node's record: kept once
        assertTrue(ChangelogFingerprints.applied(database, "a.xml", sha));
        assertFalse(ChangelogFingerprints.applied(database, "a.xml", "b".repeat(64)));
        assertFalse(ChangelogFingerprints.applied(database, "b.xml", sha));
    }

    private Optional<String> fingerprint(String name, String text) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ChangelogFingerprints.of(loader, name);
    }
}
