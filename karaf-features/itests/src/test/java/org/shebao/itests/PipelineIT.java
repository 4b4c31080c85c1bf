package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/** The approval pipeline: tasks wait for an absent plugin; several workers on one database decide each task once. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PipelineIT extends ContainerTest {

    private static final String PID = "org.shebao.review";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private BundleContext context;

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    private DataSource dataSource;

    private void review(Map<String, Object> settings) throws Exception {
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> properties = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        settings.forEach(properties::put);
        config.update(properties);
    }

    private Bundle testPlugin() {
        for (Bundle b : context.getBundles()) {
            if ("org.shebao.shebao-itests-plugin".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("test plugin not installed");
    }

    @Test
    public void everyTransitionIsPublishedOnEventAdmin() throws Exception {
        Http citizen = citizen("420102");
        String owner = citizen.me();
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(org.osgi.service.event.EventConstants.EVENT_TOPIC, "shebao/task/*");
        var registration = context.registerService(org.osgi.service.event.EventHandler.class, event -> {
            if (owner.equals(event.getProperty("owner"))) {
                seen.add(event.getTopic() + "#" + event.getProperty("id"));
            }
        }, props);
        try {
            JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json();
            long id = draft.path("id").asLong();
            citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
            TaskFlowIT.awaitState(citizen, id, "APPROVED");
            Waits.until("three events", 10, () -> seen.size() >= 3);
            // posted by different threads (the two requests, the pipeline): delivered asynchronously, in any order
            assertEquals(java.util.Set.of("shebao/task/DRAFT#" + id, "shebao/task/SUBMITTED#" + id, "shebao/task/APPROVED#" + id),
                    java.util.Set.copyOf(seen));
            assertEquals(3, seen.size());
        } finally {
            registration.unregister();
        }
    }

    /**
     * On PostgreSQL, what the other nodes hear: each transition once on the channel {@code shebao_events} (sent within
     * its transaction, not sent again after the commit), naming the task, its state and this node.
     */
    @Test
    public void onPostgresEachTransitionIsSentToTheOtherNodesOnce() throws Exception {
        try (Connection listener = dataSource.getConnection()) {
            org.junit.Assume.assumeTrue("PostgreSQL only", listener.getMetaData().getDatabaseProductName().contains("PostgreSQL"));
            listener.setAutoCommit(true);
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN shebao_events");
            }
            org.postgresql.PGConnection pg = listener.unwrap(org.postgresql.PGConnection.class);
            Http citizen = citizen("420102");
            JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json();
            long id = draft.path("id").asLong();
            citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
            TaskFlowIT.awaitState(citizen, id, "APPROVED");
            List<String> heard = new ArrayList<>();
            long until = System.currentTimeMillis() + 3_000; // what came after the APPROVED one would be sent twice
            while (System.currentTimeMillis() < until) {
                org.postgresql.PGNotification[] received = pg.getNotifications(200);
                for (org.postgresql.PGNotification n : received == null ? new org.postgresql.PGNotification[0] : received) {
                    JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(n.getParameter());
                    if (m.path("properties").path("id").asLong() == id) {
                        assertTrue(n.getParameter(), m.path("node").asText().startsWith("node-"));
                        assertEquals(m.path("topic").asText(), "shebao/task/" + m.path("properties").path("state").asText());
                        heard.add(m.path("topic").asText());
                    }
                }
            }
            assertEquals(List.of("shebao/task/DRAFT", "shebao/task/SUBMITTED", "shebao/task/APPROVED"), heard);
        }
    }

    @Test
    public void aTaskWaitsWhileItsPluginIsAbsentAndCarriesOnWhenItReturns() throws Exception {
        Http citizen = citizen("420102");
        Bundle plugin = testPlugin();
        review(Map.of("delaySeconds", 2));
        try {
            Thread.sleep(500);
            JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json();
            long id = draft.path("id").asLong();
            citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
            plugin.stop();
            Thread.sleep(4000);
            JsonNode waiting = citizen.get("/api/tasks/" + id).json();
            assertEquals("SUBMITTED", waiting.path("state").asText());
            assertEquals("测试业务 it-probe", waiting.path("businessName").asText());
            assertTrue(citizen.get("/api/tasks?list=done").body().contains("\"id\":" + id));
            assertTrue(!new Http(port).get("/api/health").body().contains("it-probe"));

            plugin.start();
            TaskFlowIT.awaitState(citizen, id, "APPROVED");
        } finally {
            if (plugin.getState() != Bundle.ACTIVE) {
                plugin.start();
            }
            review(Map.of("delaySeconds", 0));
        }
    }

    @Test
    public void anOperatorShowsAStuckTaskAndRefersItToAReviewer() throws Exception {
        Http citizen = citizen("420111");
        review(Map.of("delaySeconds", 3600)); // the automatic review will not come
        try {
            Thread.sleep(500);
            JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json();
            long id = draft.path("id").asLong();
            assertEquals(200, citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong())).status());
            String shown = shell("shebao:task-show " + id);
            assertTrue(shown, shown.contains("Task " + id + ": it-probe") && shown.contains("SUBMITTED")
                    && shown.contains("Review: AUTO") && shown.contains("DRAFT -> SUBMITTED") && shown.contains("outcome=approve"));
            Http admin = BusinessPluginsIT.demo(port, "admin");
            JsonNode before = admin.get("/api/admin/overview?district=420111").json();
            assertTrue(before.toString(), before.path("pipelineLagSeconds").isNumber() && before.path("oldestWaiting").path("id").asLong() > 0);
            assertTrue(before.toString(), before.path("tasks").toString().contains("\"businessType\":\"it-probe\",\"businessName\":\"测试业务 it-probe\",\"state\":\"SUBMITTED\""));
            assertTrue(before.toString(), before.path("plugins").toString().contains("\"healthy\":true"));
            assertTrue(before.toString(), before.path("plugins").toString().contains("\"id\":\"arrears-payment\",\"name\":\"欠费补缴\""));
            String referred = shell("shebao:task-refer --note 自动审核超时 " + id);
            assertTrue(referred, referred.contains("referred"));
            assertTrue(shell("shebao:task-show " + id).contains("Review: HUMAN (自动审核超时)"));
            assertTrue(admin.get("/api/admin/overview?district=420111").json().path("referred").asLong() >= 1);
            Http jiangan = BusinessPluginsIT.demo(port, "jiangan-admin");
            assertEquals("420102", jiangan.get("/api/admin/overview").json().path("district").asText());
            assertEquals(403, jiangan.get("/api/admin/overview?district=420111").status());
            Http reviewer = BusinessPluginsIT.demo(port, "hongshan-reviewer");
            Waits.until("the task in the reviewer's inbox", 10, () -> reviewer.get("/api/review/tasks?size=100").body()
                    .contains("\"id\":" + id));
            long version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
            Http.Answer approved = reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", version, "comment", "已核"));
            assertEquals(approved.body(), 200, approved.status());
            assertTrue(shell("shebao:task-refer " + id).contains("is APPROVED"));
            assertTrue(shell("shebao:task-refer 999999999").contains("No task"));
        } finally {
            review(Map.of("delaySeconds", 0));
        }
    }

    @Test
    public void threeWorkersOnOneDatabaseDecideEachTaskExactlyOnce() throws Exception {
        review(Map.of("workers", 3, "batchSize", 5));
        try {
            List<Long> ids = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                Http citizen = citizen("420106");
                for (int b = 0; b < 10; b++) {
                    JsonNode draft = citizen.post("/api/tasks", Map.of("businessType", "it-bulk-" + b,
                            "data", Map.of("name", "批量", "outcome", "approve"))).json();
                    long id = draft.path("id").asLong();
                    Http.Answer submitted = citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
                    assertEquals(submitted.body(), 200, submitted.status());
                    ids.add(id);
                }
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            Waits.until("200 tasks approved", 120,
                    () -> count("SELECT COUNT(*) FROM SB_TASK WHERE STATE = 'APPROVED' AND ID IN (" + in + ")") == 200);
            Map<Long, Integer> approvals = new HashMap<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT TASKID, COUNT(*) FROM SB_TASK_EVENT WHERE TOSTATE = 'APPROVED'"
                            + " AND TASKID IN (" + in + ") GROUP BY TASKID")) {
                while (rs.next()) {
                    approvals.put(rs.getLong(1), rs.getInt(2));
                }
            }
            assertEquals(200, approvals.size());
            assertTrue("each task decided once: " + approvals, approvals.values().stream().allMatch(n -> n == 1));
        } finally {
            review(Map.of("workers", 2, "batchSize", 50));
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
