package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /metrics} in Prometheus' text format, to loopback only: requests by route template and status, task
 * transitions by business and state, logins by outcome, the pipeline's lag, ledger runs, the JVM; every name
 * prefixed {@code shebao_}. Another client address (forwarded by the trusted proxy) gets 403.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MetricsIT extends ContainerTest {

    @Test
    public void theNodesMetricsAreServedToLoopbackInPrometheusText() throws Exception {
        Http citizen = citizen("420104");
        double approvedBefore = value(scrape(), "shebao_task_transitions_total\\{business=\"it-probe\",state=\"APPROVED\",\\}");
        JsonNode draft = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json();
        long id = draft.path("id").asLong();
        citizen.post("/api/tasks/" + id + "/submit", Map.of("version", draft.path("version").asLong()));
        TaskFlowIT.awaitState(citizen, id, "APPROVED");
        assertEquals(401, new Http(port).post("/api/session", Map.of("idNumber", "nobody-" + id, "password", "wrong-password")).status());
        shell("shebao:ledger-run");

        Http.Answer metrics = new Http(port).get("/metrics");
        assertEquals(metrics.body(), 200, metrics.status());
        assertTrue(metrics.contentType(), metrics.contentType().startsWith("text/plain"));
        String text = metrics.body();
        Waits.until("the approval counted", 10, () -> value(scrape(), "shebao_task_transitions_total\\{business=\"it-probe\",state=\"APPROVED\",\\}") > approvedBefore);
        assertTrue(text, Pattern.compile("shebao_http_requests_seconds_count\\{method=\"POST\",route=\"/tasks/\\{id\\}/submit\",status=\"200\",\\} [1-9]")
                .matcher(text).find());
        assertTrue(text.contains("shebao_http_requests_seconds_bucket{method=\"POST\",route=\"/tasks/{id}/submit\",status=\"200\",le=\"0.1\",}"));
        assertTrue(text.contains("shebao_logins_total{outcome=\"failed\",}"));
        assertTrue(text.contains("shebao_logins_total{outcome=\"succeeded\",}"));
        assertTrue(text.contains("shebao_pipeline_lag_seconds "));
        assertTrue(text.contains("shebao_ledger_runs_seconds_count "));
        assertTrue(text.contains("shebao_jvm_memory_used_bytes{"));
        assertTrue("the pool's size as configured (16)", text.contains("shebao_db_pool_connections{state=\"max\",} 16.0"));
        assertTrue(text.contains("shebao_db_pool_connections{state=\"active\",}"));
        assertTrue(text.contains("shebao_db_pool_connections{state=\"waiting\",}"));
        assertTrue("every name is the platform's", text.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .allMatch(l -> l.startsWith("shebao_")));

        Http.Answer elsewhere = new Http(port).forwardedFor("10.9.8.7").get("/metrics");
        assertEquals("a client the trusted proxy forwards from elsewhere", 403, elsewhere.status());
        assertTrue(!elsewhere.body().contains("shebao_"));
    }

    private String scrape() {
        return new Http(port).get("/metrics").body();
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
