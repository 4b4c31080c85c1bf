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

import com.fasterxml.jackson.databind.JsonNode;

/** Tasks the automatic review refers to a human: the reviewer of the district decides, no one else. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ReviewIT extends ContainerTest {

    /** A task of the citizen's that the automatic review referred to a reviewer of the district: its id. */
    static long referredTask(Http citizen) {
        JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("human")).json();
        long id = draft.path("id").asLong();
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
        Waits.until("referred to a reviewer", 30,
                () -> citizen.get("/api/tasks/" + id).json().path("waitingForReviewer").asBoolean());
        return id;
    }

    private static boolean inbox(Http reviewer, long id) {
        for (JsonNode item : reviewer.get("/api/review/tasks?businessType=it-probe&size=100").json().path("items")) {
            if (item.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void theDistrictReviewerReturnsAndApproves() {
        Http citizen = citizen("420102");
        long id = referredTask(citizen);
        assertEquals("进行中", citizen.get("/api/tasks/" + id).json().path("status").asText());

        assertEquals(403, citizen.get("/api/review/tasks").status());
        assertEquals(403, citizen.post("/api/review/tasks/" + id + "/approve", Map.of("version", 0)).status());

        Http outsider = new Http(port);
        outsider.login("hongshan-reviewer", "Shebao#2026");
        assertFalse(inbox(outsider, id));
        long version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        assertEquals(404, outsider.post("/api/review/tasks/" + id + "/approve", Map.of("version", version)).status());

        Http reviewer = new Http(port);
        reviewer.login("jiangan-reviewer", "Shebao#2026");
        assertTrue(inbox(reviewer, id));
        Http.Answer noReason = reviewer.post("/api/review/tasks/" + id + "/return", Map.of("version", version));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.json().path("errors").get(0).path("field").asText());
        Http.Answer returned = reviewer.post("/api/review/tasks/" + id + "/return",
                Map.of("version", version, "reasonCode", "photo-mismatch", "reason", "照片与身份信息不符"));
        assertEquals(returned.body(), 200, returned.status());

        JsonNode seen = citizen.get("/api/tasks/" + id).json();
        assertEquals("RETURNED", seen.path("state").asText());
        assertEquals("照片与身份信息不符", seen.path("returnReason").asText());
        assertEquals(409, reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", seen.path("version").asLong())).status());

        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", seen.path("version").asLong()));
        Waits.until("back with the reviewer", 30, () -> inbox(reviewer, id));
        long again = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        assertEquals(409, reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", again - 1)).status());
        Http.Answer approved = reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", again, "comment", "核对无误"));
        assertEquals(approved.body(), 200, approved.status());
        JsonNode finished = citizen.get("/api/tasks/" + id).json();
        assertEquals("APPROVED", finished.path("state").asText());
        JsonNode last = finished.path("history").get(finished.path("history").size() - 1);
        assertEquals("jiangan-reviewer", last.path("actor").asText());
        assertEquals("核对无误", last.path("comment").asText());
        assertFalse(inbox(reviewer, id));
    }

    @Test
    public void reviewersReadSentTasksOnlyNotDraftsOrWithdrawnOnes() throws Exception {
        Http citizen = citizen("420102");
        JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("human")).json();
        long id = draft.path("id").asLong();
        JsonNode photo = citizen.upload("/api/tasks/" + id + "/attachments", "me.png", "image/png", PhotoBombIT.png(30, 20)).json();
        long aid = photo.path("id").asLong();
        Http reviewer = new Http(port);
        reviewer.login("jiangan-reviewer", "Shebao#2026");
        assertEquals("a draft", 404, reviewer.get("/api/review/tasks/" + id).status());
        assertEquals("a draft's photo", 404, reviewer.get("/api/tasks/" + id + "/attachments/" + aid).status());

        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", photo.path("version").asLong()));
        Waits.until("referred to a reviewer", 30, () -> inbox(reviewer, id));
        assertEquals(200, reviewer.get("/api/review/tasks/" + id).status());
        assertEquals(200, reviewer.get("/api/tasks/" + id + "/attachments/" + aid).status());

        long version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        assertEquals(200, reviewer.post("/api/review/tasks/" + id + "/return", Map.of("version", version, "reason", "照片不清")).status());
        assertEquals("returned", 200, reviewer.get("/api/review/tasks/" + id).status());
        version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        assertEquals(200, citizen.post("/api/tasks/" + id + "/withdraw", Map.of("version", version)).status());
        assertEquals("withdrawn", 404, reviewer.get("/api/review/tasks/" + id).status());
        assertEquals(404, reviewer.get("/api/tasks/" + id + "/attachments/" + aid).status());
    }
}
