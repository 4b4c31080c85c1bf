package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 好差评: a finished task rated once by its citizen (a second: 409; a draft, a task under review: 409; bad stars and
 * comments: 400, nothing stored), reminded while unrated; the administrators' aggregates by business and district
 * over a period, low ratings' comments, a district's administrator limited to the district; the district offices
 * that receipts name.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RatingsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);

    @Inject
    Clock clock;

    private static long finished(Http citizen, String outcome, String state) {
        long id = citizen.post("/api/tasks", TaskFlowIT.task(outcome)).json().path("id").asLong();
        long version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        assertEquals(200, citizen.post("/api/tasks/" + id + "/submit", Map.of("version", version)).status());
        TaskFlowIT.awaitState(citizen, id, state);
        return id;
    }

    private static Map<String, Object> rating(Object stars, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("stars", stars);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private static List<Long> due(Http citizen) {
        List<Long> ids = new ArrayList<>();
        citizen.get("/api/ratings/due").json().forEach(d -> ids.add(d.path("taskId").asLong()));
        return ids;
    }

    @Test
    public void aFinishedTaskIsRatedOnceByItsCitizen() {
        Http citizen = citizen("420102");
        JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json();
        Http.Answer early = citizen.post("/api/tasks/" + draft.path("id").asLong() + "/rating", rating(5, null));
        assertEquals("a draft is not rated", 409, early.status());
        assertTrue(early.contentType(), early.contentType().startsWith("application/problem+json"));
        assertTrue(early.body(), early.body().contains("task-not-finished"));
        citizen.post("/api/tasks/" + draft.path("id").asLong() + "/withdraw", Map.of("version", draft.path("version").asLong()));

        long id = finished(citizen, "approve", "APPROVED");
        assertTrue("reminded while unrated", due(citizen).contains(id));
        assertEquals(404, citizen.get("/api/tasks/" + id + "/rating").status());
        for (Object stars : new Object[] {0, 6, null}) {
            Http.Answer bad = citizen.post("/api/tasks/" + id + "/rating", rating(stars, null));
            assertEquals(bad.body(), 400, bad.status());
            assertEquals("stars", bad.json().path("errors").get(0).path("field").asText());
        }
        Http.Answer tooLong = citizen.language("en").post("/api/tasks/" + id + "/rating", rating(4, "好".repeat(501)));
        citizen.language("zh-CN");
        assertEquals(400, tooLong.status());
        assertEquals("comment", tooLong.json().path("errors").get(0).path("field").asText());
        assertTrue(tooLong.body(), tooLong.body().contains("at most 500 characters"));
        assertEquals("nothing stored by the refusals", 404, citizen.get("/api/tasks/" + id + "/rating").status());

        Http other = citizen("420102");
        assertEquals("another citizen's task", 404, other.post("/api/tasks/" + id + "/rating", rating(1, null)).status());
        assertEquals(403, BusinessPluginsIT.demo(port, "jiangan-reviewer").post("/api/tasks/" + id + "/rating", rating(1, null)).status());
        assertEquals(401, new Http(port).post("/api/tasks/" + id + "/rating", rating(1, null)).status());

        Http.Answer rated = citizen.post("/api/tasks/" + id + "/rating", rating(5, "  办理很快，" + "好".repeat(495) + "  "));
        assertEquals(rated.body(), 201, rated.status());
        assertEquals(5, rated.json().path("stars").asInt());
        assertEquals("trimmed; 500 characters allowed", 500, rated.json().path("comment").asText().length());
        Http.Answer second = citizen.post("/api/tasks/" + id + "/rating", rating(1, "改主意了"));
        assertEquals(409, second.status());
        assertTrue(second.body(), second.body().contains("already-rated"));
        assertEquals(5, citizen.get("/api/tasks/" + id + "/rating").json().path("stars").asInt());
        assertFalse("no reminder once rated", due(citizen).contains(id));

        long returned = finished(citizen, "return", "RETURNED");
        assertTrue(due(citizen).contains(returned));
        assertEquals(201, citizen.post("/api/tasks/" + returned + "/rating", rating(2, null)).status());
    }

    @Test
    public void administratorsSeeAveragesByBusinessAndDistrictOverAPeriod() throws Exception {
        // the ratings of one day of their own, so that other tests' ratings do not count
        LocalDate day = TODAY.minusDays(200);
        Http jiangan = citizen("420102");
        Http hongshan = citizen("420111");
        List<Long> jianganTasks = List.of(finished(jiangan, "approve", "APPROVED"), finished(jiangan, "return", "RETURNED"));
        long hongshanTask = finished(hongshan, "approve", "APPROVED");
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, day)) {
            assertEquals(201, jiangan.post("/api/tasks/" + jianganTasks.get(0) + "/rating", rating(5, "很好")).status());
            assertEquals(201, jiangan.post("/api/tasks/" + jianganTasks.get(1) + "/rating", rating(2, "退回理由不清楚")).status());
            assertEquals(201, hongshan.post("/api/tasks/" + hongshanTask + "/rating", rating(4, null)).status());
        }
        String period = "from=" + day + "&to=" + day;
        Http admin = BusinessPluginsIT.demo(port, "admin");
        JsonNode all = admin.get("/api/admin/ratings?" + period).json();
        assertEquals(all.toString(), 3, all.path("count").asInt());
        assertEquals("3.67", all.path("average").asText());
        assertEquals(1, all.path("byStars").path("5").asInt());
        assertEquals(1, all.path("byStars").path("4").asInt());
        assertEquals(1, all.path("byStars").path("2").asInt());
        assertEquals(0, all.path("byStars").path("1").asInt());
        Map<String, JsonNode> groups = new HashMap<>();
        all.path("groups").forEach(g -> groups.put(g.path("businessType").asText() + "/" + g.path("district").asText(), g));
        assertEquals(groups.keySet().toString(), 2, groups.size());
        assertEquals(2, groups.get("it-probe/420102").path("count").asInt());
        assertEquals("3.50", groups.get("it-probe/420102").path("average").asText());
        assertEquals("江岸区", groups.get("it-probe/420102").path("districtName").asText());
        assertEquals("4.00", groups.get("it-probe/420111").path("average").asText());
        assertEquals(1, all.path("lowComments").size());
        assertEquals("退回理由不清楚", all.path("lowComments").get(0).path("comment").asText());
        assertEquals(jianganTasks.get(1).longValue(), all.path("lowComments").get(0).path("taskId").asLong());

        JsonNode oneDistrict = admin.get("/api/admin/ratings?" + period + "&district=420111").json();
        assertEquals(1, oneDistrict.path("count").asInt());
        assertEquals(0, admin.get("/api/admin/ratings?" + period + "&businessType=enrol").json().path("count").asInt());
        assertEquals(0, admin.get("/api/admin/ratings?from=" + day.plusDays(1) + "&to=" + day.plusDays(1)).json().path("count").asInt());

        Http districtAdmin = BusinessPluginsIT.demo(port, "jiangan-admin");
        JsonNode own = districtAdmin.get("/api/admin/ratings?" + period).json();
        assertEquals("a district's administrator sees the district's", 2, own.path("count").asInt());
        assertEquals(403, districtAdmin.get("/api/admin/ratings?" + period + "&district=420111").status());
        assertEquals(403, jiangan.get("/api/admin/ratings").status());
        Http.Answer badDay = admin.get("/api/admin/ratings?from=2026-13-01");
        assertEquals(400, badDay.status());
        assertEquals("from", badDay.json().path("errors").get(0).path("field").asText());
        assertEquals(400, admin.get("/api/admin/ratings?from=" + day + "&to=" + day.minusDays(1)).status());
        // the overview has the last 30 days' ratings
        assertTrue(admin.get("/api/admin/overview").json().path("ratings").has("count"));
    }

    @Test
    public void districtsNameTheirOfficesForReceipts() {
        JsonNode all = citizen("420102").get("/api/districts").json();
        JsonNode jiangan = null;
        for (JsonNode d : all) {
            if (d.path("code").asText().equals("420102")) {
                jiangan = d;
            }
        }
        assertEquals("12333", jiangan.path("office").path("phone").asText());
        assertTrue(jiangan.path("office").path("address").asText().contains("江岸区"));
        JsonNode english = citizen("420102").language("en").get("/api/districts").json();
        assertTrue(english.toString(), english.toString().contains("Jiang'an District Government Service Centre"));
    }
}
