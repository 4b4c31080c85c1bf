package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The problem-report plugin, which keeps its own data: send → list → a reviewer of the district answers → the
 * citizen reads the reply (and hears of it live); bad inputs answered with field errors; overdue reports flagged;
 * every report kept when the plugin is removed and installed again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProblemReportIT extends ContainerTest {

    static final String BASE = "/api/plugins/problem-report";

    @Inject
    FeaturesService features;


    private static List<String> fields(Http.Answer answer) {
        List<String> out = new ArrayList<>();
        answer.json().path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode r : list) {
            if (r.path("id").asLong() == id) {
                return r;
            }
        }
        return null;
    }

    @Test
    public void aReportIsSentAnsweredByTheDistrictAndReadByTheCitizen() throws Exception {
        Http citizen = citizen("420106");
        String login = citizen.me();
        Http reviewer = BusinessPluginsIT.demo(port, "wuchang-reviewer");
        Http otherReviewer = BusinessPluginsIT.demo(port, "hongshan-reviewer");
        JsonNode entries = citizen.get("/api/menu-entries").json();
        assertTrue(entries.toString(), entries.toString().contains("\"problem-report\"") && entries.toString().contains("问题报告查询"));
        assertTrue(reviewer.get("/api/menu-entries").json().toString().contains("problem-report-answer"));
        assertTrue(citizen.get(BASE + "/businesses").json().toString().contains("\"enrol\""));

        Http.Answer bad = citizen.post(BASE + "/reports", Map.of("businessType", "no-such", "description", "太短", "expectedBy", "2026-11-14"));
        assertEquals(400, bad.status());
        assertEquals(List.of("businessType", "description", "expectedBy"), fields(bad));
        Http.Answer empty = citizen.language("en").post(BASE + "/reports", Map.of("businessType", "enrol", "description", "", "expectedBy", ShebaoContainer.TODAY));
        citizen.language("zh-CN");
        assertEquals(List.of("description"), fields(empty));
        assertTrue(empty.body(), empty.body().contains("10 to 1000 characters"));
        assertEquals(0, citizen.get(BASE + "/reports").json().size());

        Http.Answer sent = citizen.post(BASE + "/reports", Map.of("businessType", "arrears-payment",
                "description", "缴费凭单已过期但银行仍显示待缴费，请核实。", "expectedBy", "2026-11-20"));
        assertEquals(sent.body(), 201, sent.status());
        long id = sent.json().path("id").asLong();
        assertEquals("OPEN", sent.json().path("status").asText());
        assertEquals("欠费补缴", sent.json().path("businessName").asText());
        assertEquals(1, citizen.get(BASE + "/reports").json().size());

        JsonNode open = find(reviewer.get(BASE + "/reports").json(), id);
        assertEquals("缴费凭单已过期但银行仍显示待缴费，请核实。", open.path("description").asText());
        assertFalse(open.path("overdue").asBoolean());
        assertEquals(null, find(otherReviewer.get(BASE + "/reports").json(), id));
        assertEquals(404, otherReviewer.post(BASE + "/reports/" + id + "/reply", Map.of("reply", "不是本区")).status());
        assertEquals(403, citizen.post(BASE + "/reports/" + id + "/reply", Map.of("reply", "自己答复")).status());
        assertEquals(400, reviewer.post(BASE + "/reports/" + id + "/reply", Map.of("reply", " ")).status());

        // a report sent on 2026-11-01, to be solved by 2026-11-05, is overdue today (2026-11-15)
        Configuration clock = configurations.getConfiguration("org.shebao.clock", null);
        Dictionary<String, Object> before = clock.getProperties();
        Hashtable<String, Object> earlier = new Hashtable<>();
        earlier.put("today", "2026-11-01");
        long[] late = new long[1];
        clock.update(earlier);
        try {
            Waits.until("a report on 2026-11-01", 10, () -> {
                Http.Answer a = citizen.post(BASE + "/reports", Map.of("businessType", "enrol",
                        "description", "增员后未收到审批结果短信通知。", "expectedBy", "2026-11-05"));
                late[0] = a.status() == 201 ? a.json().path("id").asLong() : 0;
                return a.status() == 201;
            });
        } finally {
            clock.update(before);
        }
        Waits.until("today back", 10, () -> fields(citizen.post(BASE + "/reports", Map.of("businessType", "x",
                "description", "", "expectedBy", "2026-11-14"))).contains("expectedBy"));
        Http me = citizen;
        Http staff = reviewer;
        JsonNode overdue = find(staff.get(BASE + "/reports").json(), late[0]);
        assertTrue(overdue.toString(), overdue.path("overdue").asBoolean());
        assertFalse(find(staff.get(BASE + "/reports").json(), id).path("overdue").asBoolean());
        // oldest first
        assertEquals(late[0], staff.get(BASE + "/reports").json().get(0).path("id").asLong());

        List<String> heard = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = me.events(line -> {
            heard.add(line);
            return !line.contains("problem-report");
        });
        Waits.until("the citizen's stream", 10, () -> heard.contains(": connected"));
        Http.Answer answered = staff.post(BASE + "/reports/" + id + "/reply", Map.of("reply", "已核实，凭单作废后款项将原路退回。"));
        assertEquals(answered.body(), 200, answered.status());
        stream.get(20, TimeUnit.SECONDS);
        assertTrue(heard.toString(), heard.contains("event: notice"));
        assertEquals(409, staff.post(BASE + "/reports/" + id + "/reply", Map.of("reply", "再次答复")).status());
        assertEquals(null, find(staff.get(BASE + "/reports").json(), id));

        JsonNode read = find(me.get(BASE + "/reports").json(), id);
        assertEquals("ANSWERED", read.path("status").asText());
        assertEquals("已答复", read.path("statusName").asText());
        assertEquals("已核实，凭单作废后款项将原路退回。", read.path("reply").asText());
        assertEquals("武昌区经办人", read.path("repliedBy").asText());
        // in English the report and the reply's notice name the business in English
        me.language("en");
        try {
            assertEquals("Arrears back-payment", find(me.get(BASE + "/reports").json(), id).path("businessName").asText());
            String notices = me.get("/api/notifications").json().toString();
            assertTrue(notices, notices.contains("Your problem report about “Arrears back-payment” (no. " + id + ")"));
        } finally {
            me.language("zh-CN");
        }
        assertEquals(ShebaoContainer.TODAY, java.time.Instant.parse(read.path("repliedAt").asText())
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString());

        // the plugin removed and installed again: every report is still there
        features.uninstallFeature("shebao-plugin-problem-report", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        try {
            Waits.until("the plugin gone", 30, () -> me.get(BASE + "/reports").status() == 404);
            assertFalse(me.get("/api/menu-entries").json().toString().contains("\"problem-report\""));
        } finally {
            features.installFeature("shebao-plugin-problem-report", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        Waits.until("the plugin back", 60, () -> me.get(BASE + "/reports").status() == 200);
        JsonNode kept = find(me.get(BASE + "/reports").json(), id);
        assertEquals("已核实，凭单作废后款项将原路退回。", kept.path("reply").asText());
    }
}
