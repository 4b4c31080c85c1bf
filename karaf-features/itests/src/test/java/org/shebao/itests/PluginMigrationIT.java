package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin that owns tables brings its Liquibase changelog ({@code Shebao-Changelog}): its tables are made when it
 * is uploaded, and an upgrade migrates them while the platform runs; an upgrade whose migration fails is rolled back
 * as a whole and refused with the reason, and the running version stays in service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginMigrationIT extends ContainerTest {

    private static final String NOTES = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                    http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
              <changeSet id="pilot-notes-1" author="pilot">
                <createTable tableName="SB_PILOT_NOTE">
                  <column name="ID" type="BIGINT"><constraints primaryKey="true"/></column>
                  <column name="TEXT" type="VARCHAR(100)"/>
                </createTable>
                <insert tableName="SB_PILOT_NOTE"><column name="ID" valueNumeric="1"/><column name="TEXT" value="试点说明"/></insert>
              </changeSet>
            %s
            </databaseChangeLog>
            """;
    private static final String BROKEN = """
              <changeSet id="pilot-notes-2" author="pilot">
                <createTable tableName="SB_PILOT_EXTRA"><column name="ID" type="BIGINT"/></createTable>
                <addColumn tableName="SB_PILOT_NOTE"><column name="DISTRICT" type="VARCHAR(6)"/></addColumn>
                <insert tableName="SB_NO_SUCH_TABLE"><column name="ID" valueNumeric="1"/></insert>
              </changeSet>
            """;

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource database;

    @Test
    public void aPluginsTablesAreMigratedWithItAndAFailingMigrationLeavesTheRunningVersion() throws Exception {
        Http admin = BusinessPluginsIT.demo(port, "admin");
        byte[] pilot = Files.readAllBytes(Path.of(System.getProperty(ShebaoContainer.PILOT_PLUGIN)));
        boolean installed = plugin(admin) != null;
        Http.Answer first = admin.upload(installed ? "/api/admin/plugins/" + AdminIT.PILOT : "/api/admin/plugins",
                "pilot-0.5.0.jar", "application/java-archive", version(pilot, "0.5.0", NOTES.formatted("")),
                installed ? "PUT" : "POST");
        assertEquals(first.body(), installed ? 200 : 201, first.status());
        assertEquals("试点说明", single("SELECT TEXT FROM SB_PILOT_NOTE WHERE ID = 1"));

        Http.Answer broken = admin.upload("/api/admin/plugins/" + AdminIT.PILOT, "pilot-0.6.0.jar",
                "application/java-archive", version(pilot, "0.6.0", NOTES.formatted(BROKEN)), "PUT");
        assertEquals(broken.body(), 409, broken.status());
        assertTrue(broken.body(), broken.body().contains("plugin-migration-failed") && broken.body().contains("已整体回滚")
                && broken.body().toUpperCase(java.util.Locale.ROOT).contains("SB_NO_SUCH_TABLE"));
        assertEquals("the running version stays", "0.5.0", plugin(admin).path("version").asText());
        assertFalse("the failed changeset's table was rolled back", exists("SELECT COUNT(*) FROM SB_PILOT_EXTRA"));
        assertFalse("and its column", exists("SELECT DISTRICT FROM SB_PILOT_NOTE"));
        Http jiangan = citizen("420102");
        assertEquals(201, jiangan.post("/api/tasks", Map.of("businessType", AdminIT.PILOT, "data", Map.of())).status());

        assertEquals(204, admin.delete("/api/admin/plugins/" + AdminIT.PILOT).status());
        assertEquals("removing a plugin keeps its data", "试点说明", single("SELECT TEXT FROM SB_PILOT_NOTE WHERE ID = 1"));
    }

    private static byte[] version(byte[] jar, String version, String changelog) throws Exception {
        return Jars.with(jar, a -> {
            a.putValue("Bundle-Version", version);
            a.putValue("Shebao-Changelog", "db/pilot.changelog.xml");
        }, Map.of("db/pilot.changelog.xml", changelog));
    }

    private static JsonNode plugin(Http admin) {
        for (JsonNode p : admin.get("/api/admin/plugins").json()) {
            if (p.path("id").asText().equals(AdminIT.PILOT)) {
                return p;
            }
        }
        return null;
    }

    private String single(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(sql, rs.next());
            return rs.getString(1);
        }
    }

    private boolean exists(String sql) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
