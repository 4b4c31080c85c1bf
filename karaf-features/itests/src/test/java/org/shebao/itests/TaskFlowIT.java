package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** The one lifecycle over HTTP, with the test business: save, edit, submit, decisions, refusals. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class TaskFlowIT extends ContainerTest {

    static Map<String, Object> task(String outcome) {
        return Map.of("businessType", "it-probe", "data", Map.of("name", "甲", "outcome", outcome));
    }

    static JsonNode awaitState(Http http, long id, String state) {
        Waits.until("task " + id + " " + state, 30, () -> state.equals(http.get("/api/tasks/" + id).json().path("state").asText()));
        return http.get("/api/tasks/" + id).json();
    }

    private static boolean lists(Http http, String list, long id) {
        for (JsonNode item : http.get("/api/tasks?list=" + list + "&size=100").json().path("items")) {
            if (item.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void saveEditSubmitAndApproveAutomatically() {
        Http citizen = citizen("420102");
        Http.Answer saved = citizen.post("/api/tasks", task("approve"));
        assertEquals(saved.body(), 201, saved.status());
        JsonNode draft = saved.json();
        long id = draft.path("id").asLong();
        assertEquals("DRAFT", draft.path("state").asText());
        assertEquals("未提交", draft.path("status").asText());
        assertEquals("815.40", draft.path("assessment").path("amount").asText());
        assertTrue(lists(citizen, "todo", id));

        long v0 = draft.path("version").asLong();
        Http.Answer edited = citizen.put("/api/tasks/" + id, Map.of("version", v0, "data", Map.of("name", "乙", "outcome", "approve")));
        assertEquals(edited.body(), 200, edited.status());
        assertEquals("乙", edited.json().path("data").path("name").asText());
        Http.Answer stale = citizen.put("/api/tasks/" + id, Map.of("version", v0, "data", Map.of("name", "丙", "outcome", "approve")));
        assertEquals(409, stale.status());
        assertEquals("乙", citizen.get("/api/tasks/" + id).json().path("data").path("name").asText());

        Http.Answer submitted = citizen.post("/api/tasks/" + id + "/submit", Map.of("version", edited.json().path("version").asLong()));
        assertEquals(submitted.body(), 200, submitted.status());
        assertTrue(submitted.json().path("state").asText().matches("SUBMITTED|APPROVED"));

        JsonNode approved = awaitState(citizen, id, "APPROVED");
        assertEquals("结束", approved.path("status").asText());
        assertTrue(lists(citizen, "done", id));
        assertFalse(lists(citizen, "todo", id));
        JsonNode history = approved.path("history");
        assertEquals(3, history.size());
        assertEquals("APPROVED", history.get(2).path("to").asText());
        assertEquals("system", history.get(2).path("actor").asText());

        long version = approved.path("version").asLong();
        assertEquals(409, citizen.put("/api/tasks/" + id, Map.of("version", version, "data", Map.of("name", "丁", "outcome", "approve"))).status());
        assertEquals(409, citizen.post("/api/tasks/" + id + "/withdraw", Map.of("version", version)).status());
        assertEquals(409, citizen.post("/api/tasks/" + id + "/submit", Map.of("version", version)).status());
        assertEquals("APPROVED", citizen.get("/api/tasks/" + id).json().path("state").asText());
    }

    @Test
    public void returnedWithReasonThenFixedAndApproved() {
        Http citizen = citizen("420102");
        JsonNode draft = citizen.post("/api/tasks", task("return")).json();
        long id = draft.path("id").asLong();
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
        JsonNode returned = awaitState(citizen, id, "RETURNED");
        assertTrue(returned.path("returned").asBoolean());
        assertEquals("测试业务退回：请修改后重新提交", returned.path("returnReason").asText());
        assertEquals("未提交", returned.path("status").asText());
        assertTrue(lists(citizen, "todo", id));
        assertEquals("Returned by the test business",
                citizen.language("en").get("/api/tasks/" + id).json().path("returnReason").asText());
        citizen.language("zh-CN");

        JsonNode fixed = citizen.put("/api/tasks/" + id, Map.of("version", returned.path("version").asLong(),
                "data", Map.of("name", "甲", "outcome", "approve"))).json();
        assertTrue("keeps its returned flag while being fixed", fixed.path("returned").asBoolean());
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", fixed.path("version").asLong()));
        JsonNode approved = awaitState(citizen, id, "APPROVED");
        assertTrue(approved.path("history").toString().contains("测试业务退回"));
    }

    @Test
    public void withdrawnTasksLeaveTheToDoListAndFreeTheBusiness() {
        Http citizen = citizen("420102");
        JsonNode draft = citizen.post("/api/tasks", task("approve")).json();
        long id = draft.path("id").asLong();
        Http.Answer second = citizen.post("/api/tasks", task("approve"));
        assertEquals(409, second.status());
        assertTrue(second.json().path("detail").asText(), second.json().path("detail").asText().contains(Long.toString(id)));

        Http.Answer withdrawn = citizen.post("/api/tasks/" + id + "/withdraw", Map.of("version", draft.path("version").asLong()));
        assertEquals("WITHDRAWN", withdrawn.json().path("state").asText());
        assertEquals("已退单", withdrawn.json().path("status").asText());
        assertFalse(lists(citizen, "todo", id));
        assertFalse(lists(citizen, "done", id));
        assertTrue(lists(citizen, "history", id));
        assertEquals(201, citizen.post("/api/tasks", task("approve")).status());
    }

    @Test
    public void anotherPersonsTaskIsNotFound() {
        Http owner = citizen("420102");
        Http other = citizen("420102");
        JsonNode draft = owner.post("/api/tasks", task("approve")).json();
        long id = draft.path("id").asLong();
        assertEquals(404, other.get("/api/tasks/" + id).status());
        assertEquals(404, other.put("/api/tasks/" + id, Map.of("version", 0, "data", Map.of("name", "x", "outcome", "approve"))).status());
        assertEquals(404, other.post("/api/tasks/" + id + "/submit", Map.of("version", 0)).status());
        assertEquals(401, new Http(port).get("/api/tasks/" + id).status());
        assertEquals("DRAFT", owner.get("/api/tasks/" + id).json().path("state").asText());
    }

    private static long decided(Http citizen, String outcome, String state) {
        JsonNode draft = citizen.post("/api/tasks", task(outcome)).json();
        long id = draft.path("id").asLong();
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
        awaitState(citizen, id, state);
        return id;
    }

    private static List<Long> pages(Http citizen, String list, int size, long total) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page * size < total + size; page++) {
            JsonNode answer = citizen.get("/api/tasks?list=" + list + "&page=" + page + "&size=" + size).json();
            assertEquals(total, answer.path("total").asLong());
            answer.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        }
        return ids;
    }

    /** Each page is read from each state's newest tasks and merged: the pages together are the list, newest first. */
    @Test
    public void listsArePagedNewestFirstAcrossTheirStates() {
        Http citizen = citizen("420102");
        long first = decided(citizen, "approve", "APPROVED");
        long second = decided(citizen, "approve", "APPROVED");
        long returned = decided(citizen, "return", "RETURNED");
        assertEquals(List.of(second, first), pages(citizen, "done", 1, 2));
        assertEquals(List.of(returned), pages(citizen, "todo", 1, 1));
        assertEquals(List.of(returned, second, first), pages(citizen, "history", 2, 3));
        // the returned task corrected, submitted again and approved: the newest of the done list, gone from the to-do list
        long version = citizen.get("/api/tasks/" + returned).json().path("version").asLong();
        JsonNode corrected = citizen.put("/api/tasks/" + returned,
                Map.of("version", version, "data", Map.of("name", "甲", "outcome", "approve"))).json();
        citizen.post("/api/tasks/" + returned + "/submit", Map.of("version", corrected.path("version").asLong()));
        awaitState(citizen, returned, "APPROVED");
        assertEquals(List.of(returned, second, first), pages(citizen, "done", 2, 3));
        assertEquals(List.of(), pages(citizen, "todo", 5, 0));
    }

    @Test
    public void invalidDataIsRefusedFieldByFieldAndNothingIsSaved() {
        Http citizen = citizen("420102");
        Http.Answer refused = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data", Map.of("outcome", "maybe")));
        assertEquals(400, refused.status());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        String fields = refused.json().path("errors").toString();
        assertTrue(fields, fields.contains("\"name\"") && fields.contains("\"outcome\""));
        assertEquals(0, citizen.get("/api/tasks?list=history").json().path("total").asInt());
        assertEquals(404, citizen.post("/api/tasks", Map.of("businessType", "no-such-business", "data", Map.of())).status());
        assertEquals(400, citizen.get("/api/tasks?list=todo&size=0").status());
        long id = citizen.post("/api/tasks", task("approve")).json().path("id").asLong();
        Http.Answer noVersion = citizen.post("/api/tasks/" + id + "/submit", Map.of());
        assertEquals(400, noVersion.status());
        assertEquals("version", noVersion.json().path("errors").get(0).path("field").asText());
        assertEquals("DRAFT", citizen.get("/api/tasks/" + id).json().path("state").asText());
    }

    static byte[] png() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 50, java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(10, 10, 0xC0FFEE);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void photosAreCheckedByDecodingThemAndStayPrivate() {
        Http citizen = citizen("420102");
        JsonNode draft = citizen.post("/api/tasks", task("approve")).json();
        long id = draft.path("id").asLong();
        byte[] png = png();
        Http.Answer stored = citizen.upload("/api/tasks/" + id + "/attachments", "me.png", "image/png", png);
        assertEquals(stored.body(), 201, stored.status());
        assertEquals("image/png", stored.json().path("contentType").asText());
        long aid = stored.json().path("id").asLong();
        assertEquals("the upload is an edit", draft.path("version").asLong() + 1, stored.json().path("version").asLong());
        assertTrue("kept as a PNG again", new String(citizen.bytes("/api/tasks/" + id + "/attachments/" + aid),
                java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("\u0089PNG"));

        byte[] fake = "\u0089PNG not really an image".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Answer notImage = citizen.upload("/api/tasks/" + id + "/attachments", "fake.png", "image/png", fake);
        assertEquals(415, notImage.status());
        assertTrue(notImage.contentType().startsWith("application/problem+json"));
        Http.Answer tooLarge = citizen.upload("/api/tasks/" + id + "/attachments", "big.png", "image/png",
                new byte[2 * 1024 * 1024 + 1]);
        assertEquals(413, tooLarge.status());

        Http other = citizen("420102");
        assertEquals(404, other.get("/api/tasks/" + id + "/attachments/" + aid).status());
        assertEquals(404, other.upload("/api/tasks/" + id + "/attachments", "me.png", "image/png", png).status());

        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", stored.json().path("version").asLong()));
        awaitState(citizen, id, "APPROVED");
        assertEquals(409, citizen.upload("/api/tasks/" + id + "/attachments", "me.png", "image/png", png).status());
    }

    @Test
    public void aRefusedEffectReturnsTheTaskWithItsReason() {
        Http citizen = citizen("420102");
        JsonNode draft = citizen.post("/api/tasks", task("refuse")).json();
        long id = draft.path("id").asLong();
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
        JsonNode returned = awaitState(citizen, id, "RETURNED");
        assertEquals("测试业务拒绝生效", returned.path("returnReason").asText());
    }

    @Test
    public void theCitizenHearsTheirTasksChangeAsServerSentEvents() throws Exception {
        Http citizen = citizen("420102");
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        // until both transitions are heard: EventAdmin delivers what two threads posted (the submit's request, the
        // pipeline's worker) in either order
        java.util.concurrent.CompletableFuture<Void> stream = citizen.events(line -> {
            lines.add(line);
            return !(lines.stream().anyMatch(l -> l.contains("\"state\":\"SUBMITTED\""))
                    && lines.stream().anyMatch(l -> l.contains("\"state\":\"APPROVED\"")));
        });
        Waits.until("the stream open", 10, () -> lines.contains(": connected"));
        Http other = citizen("420102");
        JsonNode foreign = other.post("/api/tasks", task("approve")).json();
        JsonNode draft = citizen.post("/api/tasks", task("approve")).json();
        long id = draft.path("id").asLong();
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
        stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(lines.toString(), lines.contains("event: task"));
        assertTrue(lines.toString(), lines.contains("data: {\"id\":" + id + ",\"state\":\"SUBMITTED\",\"businessType\":\"it-probe\"}"));
        assertTrue(lines.toString(), lines.contains("data: {\"id\":" + id + ",\"state\":\"APPROVED\",\"businessType\":\"it-probe\"}"));
        assertFalse("another citizen's task is not heard", lines.toString().contains("\"id\":" + foreign.path("id").asLong() + ","));
        assertEquals(401, new Http(port).get("/api/events").status());
    }
}
