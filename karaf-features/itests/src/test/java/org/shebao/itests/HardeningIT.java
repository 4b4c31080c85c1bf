package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A forged cross-site request (another site's Origin or Referer) changes nothing: 403 problem+json in the caller's
 * language, for JSON, multipart and empty-bodied requests alike; the platform's own pages and clients that are no
 * browser (no Origin, no Referer) pass. Every answer carries the browser protections.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HardeningIT extends ContainerTest {

    private static final String EVIL = "https://evil.example";

    @Test
    public void aForgedOriginChangesNothing() throws Exception {
        Http citizen = citizen("420102");
        int before = citizen.get("/api/tasks?list=history").json().path("total").asInt();

        Http.Answer create = citizen.header("Origin", EVIL).post("/api/tasks", Map.of("businessType", "it-probe",
                "data", Map.of("name", "甲", "outcome", "approve")));
        assertEquals(create.body(), 403, create.status());
        assertTrue(create.contentType().startsWith("application/problem+json"));
        assertTrue(create.body(), create.json().path("type").asText().endsWith("origin-not-allowed"));
        assertTrue(create.body(), create.json().path("detail").asText().contains("其他网站"));
        assertEquals("nothing created", before, citizen.header("Origin", null).get("/api/tasks?list=history").json().path("total").asInt());

        Http.Answer english = citizen.header("Origin", EVIL).language("en").post("/api/tasks", Map.of());
        assertTrue(english.body(), english.json().path("detail").asText().contains("another website"));
        citizen.language("zh-CN");

        long id = citizen.header("Origin", null).post("/api/tasks", Map.of("businessType", "it-probe",
                "data", Map.of("name", "甲", "outcome", "approve"))).json().path("id").asLong();
        Http.Answer photo = citizen.header("Origin", EVIL).upload("/api/tasks/" + id + "/attachments", "a.png", "image/png",
                PhotoBombIT.png(20, 20));
        assertEquals("a cross-site multipart post", 403, photo.status());
        Http.Answer referred = citizen.header("Origin", null).header("Referer", EVIL + "/page.html").delete("/api/session");
        assertEquals("a Referer from elsewhere when no Origin", 403, referred.status());
        citizen.header("Referer", null);
        assertEquals("the photo was not stored", 0, citizen.get("/api/tasks/" + id).json().path("attachments").size());
        assertEquals("still logged in", 200, citizen.get("/api/me").status());

        String own = "http://127.0.0.1:" + port;
        Http.Answer fromConsole = citizen.header("Origin", own).upload("/api/tasks/" + id + "/attachments", "a.png",
                "image/png", PhotoBombIT.png(20, 20));
        assertEquals("from the platform's own page", 201, fromConsole.status());
        Http.Answer ownReferer = citizen.header("Origin", null).header("Referer", own + "/console/").put("/api/tasks/" + id,
                Map.of("data", Map.of("name", "乙", "outcome", "approve"), "version", fromConsole.json().path("version").asLong()));
        assertEquals(ownReferer.body(), 200, ownReferer.status());
        Http.Answer opaque = citizen.header("Referer", null).header("Origin", "null").post("/api/tasks", Map.of());
        assertEquals("a sandboxed page's opaque origin", 403, opaque.status());
    }

    @Test
    public void everyAnswerCarriesItsRequestId() {
        Http anonymous = new Http(port);
        String made = anonymous.get("/api/health").header("X-Request-Id").orElseThrow();
        assertTrue(made, made.matches("[0-9a-f-]{36}"));
        assertTrue(!made.equals(anonymous.get("/api/health").header("X-Request-Id").orElseThrow()));
        assertEquals("a load balancer's id is kept", "lb-4711.a", anonymous.header("X-Request-Id", "lb-4711.a")
                .get("/console/").header("X-Request-Id").orElseThrow());
        String forged = anonymous.header("X-Request-Id", "a b <script>").post("/api/session",
                Map.of("idNumber", "nobody", "password", "x")).header("X-Request-Id").orElseThrow();
        assertTrue("an id that is no token is replaced: " + forged, forged.matches("[0-9a-f-]{36}"));
    }

    @Test
    public void everyAnswerCarriesTheBrowserProtections() {
        Http anonymous = new Http(port);
        for (String path : new String[] {"/console/", "/console/app.js", "/api/health", "/api/me",
                "/console/plugins/arrears-payment/slips.js", "/api/nothing-here"}) {
            Http.Answer answer = anonymous.get(path);
            String csp = answer.header("Content-Security-Policy").orElse("");
            assertTrue(path + ": " + csp, csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
            assertFalse(path, csp.contains("unsafe-inline"));
            assertEquals(path, "nosniff", answer.header("X-Content-Type-Options").orElse(""));
            assertEquals(path, "same-origin", answer.header("Referrer-Policy").orElse(""));
            assertEquals(path, "DENY", answer.header("X-Frame-Options").orElse(""));
            assertFalse(path + " over plain HTTP", answer.header("Strict-Transport-Security").isPresent());
        }
        Http citizen = citizen("420102");
        assertEquals("personal data is never cached", "no-store", citizen.get("/api/me").header("Cache-Control").orElse(""));
        assertEquals("no-store", citizen.get("/api/records/me").header("Cache-Control").orElse(""));
        String hsts = citizen.forwardedFor("203.0.113.9").header("X-Forwarded-Proto", "https").get("/api/me")
                .header("Strict-Transport-Security").orElse("");
        assertTrue("HTTPS at the trusted balancer: " + hsts, hsts.startsWith("max-age="));
    }
}
