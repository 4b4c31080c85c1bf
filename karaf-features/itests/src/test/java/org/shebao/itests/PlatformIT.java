package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.shebao.api.account.AccountService;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform as it runs in the assembled distribution: wiring, persistence, REST, errors, console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlatformIT {

    @Inject
    private BundleContext context;

    @Inject
    private AccountService accounts;

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    private DataSource dataSource;

    private ServiceRegistration<BusinessType> probeType;
    private Http http;

    @Configuration
    public Option[] config() {
        return ShebaoContainer.options();
    }

    @Before
    public void setUp() throws Exception {
        http = new Http(Integer.getInteger(ShebaoContainer.HTTP_PORT));
        Waits.until("the platform answers /api/health", 120, () -> http.get("/api/health").status() == 200);
    }

    @After
    public void tearDown() {
        if (probeType != null) {
            probeType.unregister();
        }
    }

    @Test
    public void everyBundleIsActive() {
        // the features service may still be refreshing bundles it wired at boot: wait for it to settle
        Waits.until("every bundle active: " + notActive(), 60, () -> notActive().isEmpty());
        for (String name : List.of("org.shebao.shebao-platform-api", "org.shebao.shebao-task-engine",
                "org.shebao.shebao-web-console", "org.shebao.shebao-demo-data")) {
            assertTrue(name + " installed", List.of(context.getBundles()).stream()
                    .anyMatch(b -> name.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
        }
    }

    private List<String> notActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        return notActive;
    }

    @Test
    public void healthQueriesTheDatabaseAndListsBusinessTypes() {
        Http.Answer before = http.get("/api/health");
        assertEquals(200, before.status());
        assertEquals("UP", before.json().path("status").asText());
        assertEquals("UP", before.json().path("database").asText());
        assertFalse(listsPlugin(before.json(), "it-health-probe"));

        probeType = context.registerService(BusinessType.class, new HealthProbe(),
                new Hashtable<>(Map.of(Business.PREFIX_ + "id", "it-health-probe")));
        Waits.until("it-probe listed", 10, () -> listsPlugin(http.get("/api/health").json(), "it-health-probe"));
        probeType.unregister();
        probeType = null;
        Waits.until("it-probe gone", 10, () -> !listsPlugin(http.get("/api/health").json(), "it-health-probe"));
    }

    /** A business type that exists only to be listed. */
    private static final class HealthProbe implements BusinessType {
        @Override
        public org.shebao.api.form.FormSchema form(org.shebao.api.task.Applicant applicant) {
            return org.shebao.api.form.FormSchema.of(List.of());
        }

        @Override
        public List<org.shebao.api.ShebaoException.FieldError> validate(org.shebao.api.task.FormData data,
                org.shebao.api.task.Applicant applicant) {
            return List.of();
        }

        @Override
        public org.shebao.api.task.Decision review(org.shebao.api.task.TaskView task,
                org.shebao.api.task.Applicant applicant) {
            return org.shebao.api.task.Decision.approve();
        }

        @Override
        public void apply(org.shebao.api.task.TaskView task, org.shebao.api.task.EffectContext effects) {
        }
    }

    private static boolean listsPlugin(JsonNode health, String id) {
        for (JsonNode plugin : health.path("plugins")) {
            if (id.equals(plugin.path("id").asText())) {
                // the version is the registering bundle's
                return FrameworkUtil.getBundle(PlatformIT.class).getVersion().toString().equals(plugin.path("version").asText());
            }
        }
        return false;
    }

    @Test
    public void theDistrictsAreNamedInWordsFromConfiguration() {
        assertEquals(401, http.get("/api/districts").status());
        Http citizen = BusinessPluginsIT.demo(Integer.getInteger(ShebaoContainer.HTTP_PORT), "420111197811020334");
        JsonNode zh = citizen.get("/api/districts").json();
        JsonNode en = citizen.language("en").get("/api/districts").json();
        assertEquals(13, zh.size());
        assertEquals("420102", zh.get(0).path("code").asText());
        assertEquals("江岸区", zh.get(0).path("name").asText());
        assertEquals("Jiang'an District", en.get(0).path("name").asText());
        // the caller's own district too
        assertEquals("Hongshan District", citizen.get("/api/me").json().path("districtName").asText());
    }

    @Test
    public void anAccountWrittenThroughJpaLogsInOverRest() throws Exception {
        accounts.saveCitizen("11010519491231002X", "测试人", "420102", "correct horse".toCharArray());
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT DISPLAYNAME FROM SB_ACCOUNT WHERE LOGIN = ?")) {
            q.setString(1, "11010519491231002X");
            try (ResultSet rs = q.executeQuery()) {
                assertTrue("row in SB_ACCOUNT", rs.next());
                assertEquals("测试人", rs.getString(1));
            }
        }

        assertEquals(401, http.post("/api/session", Map.of("idNumber", "11010519491231002X", "password", "wrong one")).status());
        assertEquals(401, http.get("/api/me").status());

        Http.Answer login = http.login("11010519491231002x", "correct horse");
        String setCookie = login.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        assertEquals("测试人", login.json().path("name").asText());

        Http.Answer me = http.get("/api/me");
        assertEquals(200, me.status());
        assertEquals("11010519491231002X", me.json().path("idNumber").asText());
        assertEquals("420102", me.json().path("district").asText());
        assertEquals("CITIZEN", me.json().path("roles").get(0).asText());

        assertEquals(204, http.delete("/api/session").status());
        assertEquals(401, http.get("/api/me").status());
    }

    @Test
    public void demoStaffCanLogInWithTheirUserName() {
        // the demo accounts are seeded once the platform is up: give them a moment
        Waits.until("the demo staff", 60, () -> http.post("/api/session",
                Map.of("username", "jiangan-reviewer", "password", "Shebao#2026")).status() == 200);
        Http.Answer answer = http.post("/api/session", Map.of("username", "jiangan-reviewer", "password", "Shebao#2026"));
        assertEquals(200, answer.status());
        assertEquals("REVIEWER", answer.json().path("roles").get(0).asText());
    }

    @Test
    public void errorsAreProblemJsonInTheCallersLanguage() {
        Http.Answer zh = http.post("/api/session", Map.of());
        assertEquals(400, zh.status());
        assertTrue(zh.contentType(), zh.contentType().startsWith("application/problem+json"));
        assertEquals("输入有误", zh.json().path("title").asText());
        assertEquals(2, zh.json().path("errors").size());
        assertEquals("idNumber", zh.json().path("errors").get(0).path("field").asText());

        Http.Answer en = new Http(Integer.getInteger(ShebaoContainer.HTTP_PORT)).language("en-US,en;q=0.8")
                .post("/api/session", Map.of("idNumber", "420102199003150117"));
        assertEquals(400, en.status());
        assertEquals("Bad input", en.json().path("title").asText());
        assertEquals("password", en.json().path("errors").get(0).path("field").asText());
        assertEquals("This field is required.", en.json().path("errors").get(0).path("message").asText());

        Http.Answer malformed = http.postRaw("/api/session", "{not json");
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));

        Http.Answer missing = http.get("/api/no-such-thing");
        assertEquals(404, missing.status());
        assertEquals(404, missing.json().path("status").asInt());
        assertTrue(missing.contentType().startsWith("application/problem+json"));
    }

    @Test
    public void consoleIsServedAndTheRootRedirectsToIt() {
        Http.Answer console = http.get("/console/");
        assertEquals(200, console.status());
        assertTrue(console.contentType().startsWith("text/html"));
        assertTrue(console.body().contains("社会保险"));

        Http.Answer root = http.get("/");
        assertEquals(302, root.status());
        assertTrue(root.header("Location").orElse("").endsWith("/console/"));
        assertEquals(404, http.get("/console/nothing.html").status());
    }
}
