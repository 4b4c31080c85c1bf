package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Administration in the running container: a business bundle uploaded, used, removed with a task in flight (kept
 * and finished once it is back), upgraded; uploads that are not valid business bundles refused with nothing
 * changed; plugins switched off and on per district by the district's office, in Config Admin; the operators'
 * shell commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AdminIT extends ContainerTest {

    static final String PILOT = "jiangan-medical-pilot";
    private static final YearMonth NOW = YearMonth.from(LocalDate.parse(ShebaoContainer.TODAY));

    @Inject
    BundleContext context;

    @Inject
    @org.ops4j.pax.exam.util.Filter("(osgi.jndi.service.name=shebao)")
    javax.sql.DataSource database;




    private static byte[] pilotJar() throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty(ShebaoContainer.PILOT_PLUGIN)));
    }

    /** Who switched the plugin off for the district, from the database every node reads; "" if it is on. */
    private String switchedOffBy(String district, String plugin) {
        try (java.sql.Connection c = database.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT CHANGEDBY FROM SB_DISTRICT_SWITCH WHERE DISTRICT = ? AND PLUGINID = ? AND ENABLED = ?")) {
            s.setString(1, district);
            s.setString(2, plugin);
            s.setBoolean(3, false);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> menu(Http http) {
        List<String> ids = new ArrayList<>();
        http.get("/api/business-types").json().forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private static JsonNode plugin(Http admin, String id) {
        for (JsonNode p : admin.get("/api/admin/plugins").json()) {
            if (p.path("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private boolean bundleInstalled(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }


    private static JsonNode submitAndAwait(Http http, String type, String until) {
        JsonNode saved = http.post("/api/tasks", Map.of("businessType", type, "data", Map.of())).json();
        long id = saved.path("id").asLong();
        assertEquals(200, http.post("/api/tasks/" + id + "/submit", Map.of("version", saved.path("version").asLong())).status());
        if (until != null) {
            Waits.until("task " + id + " " + until, 30, () -> http.get("/api/tasks/" + id).json().path("state").asText().equals(until));
        }
        return http.get("/api/tasks/" + id).json();
    }

    @Test
    public void aBusinessBundleIsUploadedUsedRemovedWithATaskInFlightAndUpgraded() throws Exception {
        Http admin = BusinessPluginsIT.demo(port, "admin");
        Http jiangan = citizen("420102");
        Http hongshan = citizen("420111");
        byte[] jar = pilotJar();
        int before = admin.get("/api/admin/plugins").json().size();
        String bsn = "org.shebao.shebao-plugin-" + PILOT;

        // refused uploads change nothing
        Http.Answer text = admin.upload("/api/admin/plugins", "notes.jar", "application/java-archive", "not a jar".getBytes());
        assertEquals(text.body(), 400, text.status());
        assertTrue(text.body(), text.body().contains("不是 OSGi 插件包"));
        Http.Answer noHeader = admin.upload("/api/admin/plugins", "p.jar", "application/java-archive",
                Jars.withManifest(jar, a -> a.remove(new Attributes.Name("Shebao-Plugin"))));
        assertEquals(noHeader.body(), 400, noHeader.status());
        assertTrue(noHeader.body(), noHeader.body().contains("Shebao-Plugin"));
        Http.Answer duplicate = admin.upload("/api/admin/plugins", "p.jar", "application/java-archive", Jars.withManifest(jar, a -> {
            a.putValue("Shebao-Plugin", "enrol");
            a.putValue("Bundle-SymbolicName", "org.example.enrol");
        }));
        assertEquals(duplicate.body(), 409, duplicate.status());
        Http.Answer unresolvable = admin.upload("/api/admin/plugins", "p.jar", "application/java-archive", Jars.withManifest(jar,
                a -> a.putValue("Import-Package", a.getValue("Import-Package") + ",org.example.nowhere;version=\"[1,2)\"")));
        assertEquals(unresolvable.body(), 400, unresolvable.status());
        assertTrue(unresolvable.body(), unresolvable.body().contains("org.example.nowhere"));
        // built against the first release's plugin contract (spi 1.x): refused, saying why
        Http.Answer oldApi = admin.upload("/api/admin/plugins", "p.jar", "application/java-archive", Jars.withManifest(jar,
                a -> a.putValue("Import-Package", a.getValue("Import-Package")
                        .replaceAll("org\\.shebao\\.api\\.spi;version=\"\\[2[^)]*\\)\"", "org.shebao.api.spi;version=\"[1.1,2)\""))));
        assertEquals(oldApi.body(), 400, oldApi.status());
        assertEquals(oldApi.body(), "urn:shebao:problem:plugin-old-api", oldApi.json().path("type").asText());
        assertTrue(oldApi.body(), oldApi.body().contains("基于平台接口 1.x 构建，本平台提供 2.x"));
        assertFalse(bundleInstalled(bsn));
        assertEquals(before, admin.get("/api/admin/plugins").json().size());
        assertEquals(403, jiangan.upload("/api/admin/plugins", "p.jar", "application/java-archive", jar).status());

        // installed while the platform runs: the district it serves sees it, the others do not
        Http.Answer installed = admin.upload("/api/admin/plugins", "pilot.jar", "application/java-archive", jar);
        assertEquals(installed.body(), 201, installed.status());
        assertEquals("ACTIVE", installed.json().path("bundleState").asText());
        assertEquals("420102", installed.json().path("districts").get(0).asText());
        assertEquals(409, admin.upload("/api/admin/plugins", "pilot.jar", "application/java-archive", jar).status());
        Waits.until("the pilot in 江岸区's menu", 30, () -> menu(jiangan).contains(PILOT));
        assertFalse(menu(hongshan).contains(PILOT));
        assertEquals(404, hongshan.post("/api/tasks", Map.of("businessType", PILOT, "data", Map.of())).status());
        submitAndAwait(jiangan, PILOT, "APPROVED");
        assertEquals(EnrolmentStatus.PAYING, records.enrolment(jiangan.me(), InsuranceType.MEDICAL).orElseThrow().status());
        assertEquals(NOW.plusMonths(1), records.enrolment(jiangan.me(), InsuranceType.MEDICAL).orElseThrow().payingFrom());

        // removed with a task in flight: the task stays and is decided once the plugin is back
        Configuration review = configurations.getConfiguration("org.shebao.review", null);
        Dictionary<String, Object> reviewBefore = review.getProperties();
        Hashtable<String, Object> slower = new Hashtable<>();
        for (var keys = reviewBefore.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            slower.put(key, reviewBefore.get(key));
        }
        slower.put("delaySeconds", "3");
        review.update(slower);
        Http other = citizen("420102");
        long inFlight;
        try {
            Thread.sleep(1000);
            inFlight = submitAndAwait(other, PILOT, null).path("id").asLong();
            assertEquals(204, admin.delete("/api/admin/plugins/" + PILOT).status());
        } finally {
            review.update(reviewBefore);
        }
        assertFalse(bundleInstalled(bsn));
        assertEquals(null, plugin(admin, PILOT));
        Thread.sleep(5000);
        JsonNode waiting = other.get("/api/tasks/" + inFlight).json();
        assertEquals("SUBMITTED", waiting.path("state").asText());
        assertEquals("江岸区灵活就业医保扩面试点", waiting.path("businessName").asText());
        assertEquals(201, admin.upload("/api/admin/plugins", "pilot.jar", "application/java-archive", jar).status());
        Waits.until("the waiting task decided", 30, () -> other.get("/api/tasks/" + inFlight).json().path("state").asText().equals("APPROVED"));

        // upgraded in place
        byte[] next = Jars.withManifest(jar, a -> a.putValue("Bundle-Version", "0.2.0"));
        Http.Answer upgraded = admin.upload("/api/admin/plugins/" + PILOT, "pilot-0.2.0.jar", "application/java-archive", next, "PUT");
        assertEquals(upgraded.body(), 200, upgraded.status());
        assertEquals("0.2.0", upgraded.json().path("version").asText());
        Waits.until("version 0.2.0 in the menu", 30, () -> {
            for (JsonNode t : jiangan.get("/api/business-types").json()) {
                if (t.path("id").asText().equals(PILOT)) {
                    return t.path("version").asText().equals("0.2.0");
                }
            }
            return false;
        });
        Http.Answer wrong = admin.upload("/api/admin/plugins/" + PILOT, "enrol.jar", "application/java-archive",
                Jars.withManifest(jar, a -> a.putValue("Shebao-Plugin", "enrol")), "PUT");
        assertEquals(400, wrong.status());
        assertEquals("0.2.0", plugin(admin, PILOT).path("version").asText());

        String listed = shell("shebao:plugin-list");
        assertTrue(listed, listed.contains(PILOT) && listed.contains("0.2.0") && listed.contains("enrol"));
        String tasks = shell("shebao:task-list --state APPROVED --business " + PILOT);
        assertTrue(tasks, tasks.contains(String.valueOf(inFlight)));

        assertEquals(204, admin.delete("/api/admin/plugins/" + PILOT).status());
        Waits.until("the pilot gone from the menu", 30, () -> !menu(jiangan).contains(PILOT));
        assertEquals(404, admin.delete("/api/admin/plugins/" + PILOT).status());
    }

    @Test
    public void aDistrictOfficeSwitchesABusinessOffAndOnForItsDistrictOnly() throws Exception {
        Http jianganAdmin = BusinessPluginsIT.demo(port, "jiangan-admin");
        Http jiangan = citizen("420102");
        Http hongshan = citizen("420111");
        assertTrue(menu(jiangan).contains("suspend"));

        assertEquals(403, jianganAdmin.put("/api/admin/districts/420111/plugins/suspend", Map.of("enabled", false)).status());
        assertEquals(403, jiangan.put("/api/admin/districts/420102/plugins/suspend", Map.of("enabled", false)).status());
        assertEquals(400, jianganAdmin.put("/api/admin/districts/420102/plugins/suspend", Map.of()).status());
        assertEquals(404, jianganAdmin.put("/api/admin/districts/420102/plugins/nothing", Map.of("enabled", false)).status());

        Http.Answer off = jianganAdmin.put("/api/admin/districts/420102/plugins/suspend", Map.of("enabled", false));
        assertEquals(off.body(), 200, off.status());
        try {
            Waits.until("suspend gone from 江岸区's menu", 10, () -> !menu(jiangan).contains("suspend"));
            assertTrue(menu(hongshan).contains("suspend"));
            assertEquals(404, jiangan.post("/api/tasks", Map.of("businessType", "suspend", "data", Map.of("types", List.of("110")))).status());
            Waits.until("kept in the database, with who switched it", 10, () -> switchedOffBy("420102", "suspend")
                    .equals("jiangan-admin"));
            boolean listedOff = false;
            for (JsonNode p : jianganAdmin.get("/api/admin/districts/420102/plugins").json()) {
                if (p.path("id").asText().equals("suspend")) {
                    listedOff = !p.path("enabled").asBoolean();
                }
            }
            assertTrue(listedOff);
            assertTrue(shell("shebao:plugin-list").contains("420102"));
        } finally {
            assertEquals(200, jianganAdmin.put("/api/admin/districts/420102/plugins/suspend", Map.of("enabled", true)).status());
        }
        Waits.until("suspend back in 江岸区's menu", 10, () -> menu(jiangan).contains("suspend"));

        assertTrue(shell("shebao:plugin-disable 420105 tier-change").contains("switched off"));
        Http hanyang = citizen("420105");
        Waits.until("tier-change gone from 汉阳区's menu", 10, () -> !menu(hanyang).contains("tier-change"));
        assertTrue(shell("shebao:plugin-enable 420105 tier-change").contains("switched on"));
        Waits.until("tier-change back", 10, () -> menu(hanyang).contains("tier-change"));
    }
}
