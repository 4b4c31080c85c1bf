package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Assume;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A SIGKILL while the approval pipeline is deciding: after the restart on the same data folder every
 * submitted task is decided, and none twice (counted in Derby itself once Karaf has stopped).
 */
public class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CITIZENS = {"420102199003150117", "420106198507220220", "420111197811020334",
            "420103198205300445", "420104197509090557", "420105197012010669"};

    @Test
    public void aKilledNodeLosesNothingAndDecidesNothingTwice() throws Exception {
        Assume.assumeTrue("needs root and iproute2 for a network namespace", KarafProcess.supported());
        try (KarafProcess karaf = KarafProcess.fresh("crash")) {
            karaf.configure("org.shebao.review.cfg", "delaySeconds = 2\nbatchSize = 3\n");
            karaf.deploy(Path.of(System.getProperty("shebao.test.plugin")));
            karaf.start();
            karaf.awaitHealthy(180);
            Waits.until("the test business", 60, () -> karaf.http("GET", "/api/health", null, null).body().contains("it-bulk-9"));

            List<Long> ids = new ArrayList<>();
            for (String citizen : CITIZENS) {
                Path jar = karaf.home().resolve("cookies-" + citizen);
                String login = "{\"idNumber\":\"" + citizen + "\",\"password\":\"Shebao#2026\"}";
                Waits.until("login " + citizen, 60, () -> karaf.http("POST", "/api/session", login, jar).status() == 200);
                for (int b = -1; b < 10; b++) {
                    String type = b < 0 ? "it-probe" : "it-bulk-" + b;
                    KarafProcess.Answer saved = karaf.http("POST", "/api/tasks", "{\"businessType\":\"" + type
                            + "\",\"data\":{\"name\":\"甲\",\"outcome\":\"approve\"}}", jar);
                    assertEquals(saved.body(), 201, saved.status());
                    JsonNode task = JSON.readTree(saved.body());
                    KarafProcess.Answer submitted = karaf.http("POST", "/api/tasks/" + task.path("id").asLong() + "/submit",
                            "{\"version\":" + task.path("version").asLong() + "}", jar);
                    assertEquals(submitted.body(), 200, submitted.status());
                    ids.add(task.path("id").asLong());
                }
            }
            Path first = karaf.home().resolve("cookies-" + CITIZENS[0]);
            // kill as soon as the pipeline has started deciding
            Waits.until("a first decision", 60, () -> karaf.http("GET", "/api/tasks?list=done&size=100", null, first)
                    .body().contains("\"APPROVED\""));
            karaf.kill();

            karaf.start();
            karaf.awaitHealthy(180);
            Waits.until("every task decided after the restart", 120, () -> ids.stream().allMatch(id -> {
                String owner = CITIZENS[ids.indexOf(id) / 11];
                return karaf.http("GET", "/api/tasks/" + id, null, karaf.home().resolve("cookies-" + owner))
                        .body().contains("\"state\":\"APPROVED\"");
            }));
            karaf.stop();

            Map<Long, Integer> approvals = approvals(karaf.home().resolve("data/derby/shebao"), ids);
            assertEquals(ids.size(), approvals.size());
            assertTrue("each task approved exactly once: " + approvals, approvals.values().stream().allMatch(n -> n == 1));
        }
    }

    private static Map<Long, Integer> approvals(Path database, List<Long> ids) throws SQLException {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, Integer> approvals = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TASKID, COUNT(*) FROM SB_TASK_EVENT WHERE TOSTATE = 'APPROVED'"
                        + " AND TASKID IN (" + in + ") GROUP BY TASKID")) {
            while (rs.next()) {
                approvals.put(rs.getLong(1), rs.getInt(2));
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a shutdown with an exception
            }
        }
        return approvals;
    }
}
