package org.shebao.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Assume;
import org.junit.Test;
import org.shebao.bench.PostgresServer;

/**
 * A node's PostgreSQL down and back, as an operator meets it ({@code bin/karaf server}, its own copy of the
 * distribution): a node started while its database is down lives ({@code /api/health/live} 200) but takes no traffic,
 * tries the engine's changelog again and again, and is ready once the database is back, without a restart, its demo
 * citizens able to log in; the database restarted under the ready node, the node serves the same session again.
 */
public class DatabaseOutageIT {

    private static final String CITIZEN = "420102199003150117";

    @Test
    public void aNodeStartedBeforeItsDatabaseServesOnceTheDatabaseIsBack() throws Exception {
        Assume.assumeTrue("needs Debian's postgresql (scripts/install-test-deps)", PostgresServer.installed());
        try (PostgresServer db = PostgresServer.start("shebao");
                KarafProcess node = KarafProcess.onHost("database-outage")) {
            node.set("org.ops4j.datasource-shebao.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
            node.set("org.ops4j.datasource-shebao.cfg", "url", db.url("shebao"));
            node.set("org.ops4j.datasource-shebao.cfg", "user", PostgresServer.USER);
            node.set("org.ops4j.datasource-shebao.cfg", "password", "unused-trust-authentication");
            db.stop();

            node.start();
            Waits.until("the node answers", 180, () -> node.http("GET", "/api/health/live", null, null).status() == 200);
            Path log = node.home().resolve("data/log/karaf.log");
            Waits.until("a second attempt at the engine's schema", 60,
                    () -> read(log).contains("Engine schema could not be migrated (attempt 2)"));
            // no traffic while the database is down: the balancer's check answers 503 and says why, the health 503
            // (each answer checked as it comes: the JAX-RS application is rebuilt, answering 404 a moment, as the
            // components that need no database keep arriving)
            Waits.until("503 from the readiness check, database and migrations DOWN", 60, () -> {
                KarafProcess.Answer down = node.http("GET", "/api/health/ready", null, null);
                return down.status() == 503 && down.body().contains("\"database\":\"DOWN\"")
                        && down.body().contains("\"migrations\":\"DOWN\"");
            });
            Waits.until("503 from the health", 60, () -> node.http("GET", "/api/health", null, null).status() == 503);

            db.startAgain();
            node.awaitHealthy(120);
            Waits.until("ready", 60, () -> node.http("GET", "/api/health/ready", null, null).status() == 200);
            Http citizen = new Http(node.port());
            Waits.until("the demo citizen's login", 60, () -> citizen.post("/api/session",
                    Map.of("idNumber", CITIZEN, "password", "Shebao#2026")).status() == 200);
            assertEquals(CITIZEN, citizen.get("/api/me").json().path("idNumber").asText());

            db.stop();
            db.startAgain();
            Waits.until("the same session after the database's restart", 60, () -> citizen.get("/api/me").status() == 200);
            assertEquals(200, node.http("GET", "/api/health/ready", null, null).status());
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
