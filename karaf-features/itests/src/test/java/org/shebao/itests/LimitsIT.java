package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Over-long and over-large input is a clear 400 or 413 problem+json that changes nothing, never a 500: bodies above
 * the limit (declared or chunked), keys the form does not have, nested values, text longer than its field allows
 * (counted in characters, emoji included), reviewers' texts, reports, paging.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LimitsIT extends ContainerTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    public void bodiesAboveTheLimitAreRefusedBeforeParsing() {
        Http citizen = citizen("420102");
        String big = "{\"businessType\":\"it-probe\",\"data\":{\"name\":\"" + "x".repeat(300 * 1024) + "\"}}";
        Http.Answer declared = citizen.postRaw("/api/tasks", big);
        assertEquals(declared.body(), 413, declared.status());
        assertTrue(declared.contentType().startsWith("application/problem+json"));
        assertTrue(declared.body(), declared.json().path("type").asText().endsWith("body-too-large"));
        assertTrue(declared.body(), declared.json().path("detail").asText().contains("256 KB"));
        Http.Answer chunked = citizen.postChunked("/api/tasks", big);
        assertEquals(chunked.body(), 413, chunked.status());
        Http.Answer twoMegabytes = citizen.postRaw("/api/tasks", "[" + "1,".repeat(1024 * 1024) + "1]");
        assertEquals(413, twoMegabytes.status());
        Http.Answer smallChunked = citizen.postChunked("/api/tasks",
                "{\"businessType\":\"it-probe\",\"data\":{\"name\":\"甲\",\"outcome\":\"approve\"}}");
        assertEquals("a chunked body within the limit goes on", 201, smallChunked.status());
        assertEquals(1, citizen.get("/api/tasks?list=history").json().path("total").asInt());
    }

    @Test
    public void taskDataHoldsTheFormsFieldsOnly() {
        Http citizen = citizen("420102");
        Map<String, Object> data = new HashMap<>(Map.of("name", "甲", "outcome", "approve", "isAdmin", "true"));
        Http.Answer unknown = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data", data));
        assertEquals(unknown.body(), 400, unknown.status());
        assertEquals("isAdmin", unknown.json().path("errors").get(0).path("field").asText());

        Http.Answer nested = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data",
                Map.of("name", Map.of("first", Map.of("deeper", "x")), "outcome", "approve")));
        assertEquals(nested.body(), 400, nested.status());
        assertEquals("name", nested.json().path("errors").get(0).path("field").asText());

        Http.Answer tooLong = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data",
                Map.of("name", EMOJI.repeat(201), "outcome", "approve")));
        assertEquals(tooLong.body(), 400, tooLong.status());
        assertTrue(tooLong.body(), tooLong.json().path("errors").get(0).path("message").asText().contains("200"));
        assertEquals("nothing stored", 0, citizen.get("/api/tasks?list=history").json().path("total").asInt());

        Http.Answer longest = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data",
                Map.of("name", EMOJI.repeat(200), "outcome", "approve")));
        assertEquals("200 emoji are 200 characters", 201, longest.status());
        assertEquals(EMOJI.repeat(200), longest.json().path("data").path("name").asText());
    }

    @Test
    public void reviewersTextsAreBounded() {
        Http citizen = citizen("420102");
        long id = ReviewIT.referredTask(citizen);
        long version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        Http reviewer = new Http(port);
        reviewer.login("jiangan-reviewer", "Shebao#2026");

        Http.Answer reason = reviewer.post("/api/review/tasks/" + id + "/return",
                Map.of("version", version, "reason", "理".repeat(2001)));
        assertEquals(reason.body(), 400, reason.status());
        assertEquals("reason", reason.json().path("errors").get(0).path("field").asText());
        Http.Answer code = reviewer.post("/api/review/tasks/" + id + "/return",
                Map.of("version", version, "reasonCode", "c".repeat(65), "reason", "照片不清"));
        assertEquals(code.body(), 400, code.status());
        assertEquals("reasonCode", code.json().path("errors").get(0).path("field").asText());
        Http.Answer comment = reviewer.post("/api/review/tasks/" + id + "/approve",
                Map.of("version", version, "comment", EMOJI.repeat(501)));
        assertEquals(400, comment.status());
        assertEquals("nothing decided", "SUBMITTED", citizen.get("/api/tasks/" + id).json().path("state").asText());
        assertEquals(200, reviewer.post("/api/review/tasks/" + id + "/approve",
                Map.of("version", version, "comment", EMOJI.repeat(500))).status());
    }

    @Test
    public void aReportOfAThousandEmojiIsStoredAndOneMoreIsRefused() {
        Http citizen = citizen("420102");
        String base = "/api/plugins/problem-report/reports";
        Http.Answer over = citizen.post(base, Map.of("businessType", "enrol", "description", EMOJI.repeat(1001),
                "expectedBy", ShebaoContainer.TODAY));
        assertEquals(over.body(), 400, over.status());
        Http.Answer full = citizen.post(base, Map.of("businessType", "enrol", "description", EMOJI.repeat(1000),
                "expectedBy", ShebaoContainer.TODAY));
        assertEquals(full.body(), 201, full.status());
        assertEquals(EMOJI.repeat(1000), citizen.get(base).json().get(0).path("description").asText());
    }

    @Test
    public void pagingIsBounded() {
        Http citizen = citizen("420102");
        for (String query : List.of("page=100001", "page=2147483647", "page=-1", "size=0", "size=501", "page=abc")) {
            Http.Answer answer = citizen.get("/api/tasks?list=history&" + query);
            assertEquals(query + ": " + answer.body(), 400, answer.status());
            assertTrue(query, answer.contentType().startsWith("application/problem+json"));
        }
        assertEquals(200, citizen.get("/api/tasks?list=history&page=100000&size=500").status());
    }
}
