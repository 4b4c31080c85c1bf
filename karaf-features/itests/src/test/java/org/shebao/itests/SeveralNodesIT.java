package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Assume;
import org.junit.Test;
import org.shebao.bench.PostgresServer;

/**
 * The proof of "past one machine": two nodes ({@code bin/karaf server}, each its own copy of the distribution) on one
 * PostgreSQL, behind HAProxy with the shipped example configuration. Twelve clients submit 2 000 tasks through the
 * balancer; node A is killed (SIGKILL) half-way and restarted. Every task is decided exactly once (counted in
 * PostgreSQL), no session is lost, a browser connected to node B hears decisions that node A made, and a plugin
 * uploaded and a district switch set through node A are in force on node B within seconds.
 */
public class SeveralNodesIT {

    private static final int TASKS = 2_000;
    private static final int CLIENTS = 12;
    private static final String PASSWORD = "Shebao#2026";
    private static final String[] CITIZENS = {"420102199003150117", "420106198507220220", "420111197811020334",
            "420103198205300445", "420104197509090557", "420105197012010669"};
    private static final String WATCHED = CITIZENS[0];

    @Test
    public void twoNodesOnePostgresOneBalancerNothingLostNothingTwice() throws Exception {
        Assume.assumeTrue("needs Debian's postgresql and haproxy (scripts/install-test-deps)",
                PostgresServer.installed() && HaProxy.installed());
        try (PostgresServer db = PostgresServer.start("shebao");
                KarafProcess a = node("node-a", db);
                KarafProcess b = node("node-b", db)) {
            // B's log names each event it hears from another node
            Files.writeString(b.home().resolve("etc/org.ops4j.pax.logging.cfg"), "\nlog4j2.logger.cluster.name = "
                    + "org.shebao.engine.internal.cluster.ClusterEvents\nlog4j2.logger.cluster.level = DEBUG\n",
                    java.nio.file.StandardOpenOption.APPEND);
            a.start();
            a.awaitHealthy(180); // the first node makes the schema; the second finds it migrated
            b.start();
            b.awaitHealthy(180);
            try (HaProxy balancer = HaProxy.start(a.home(), a.home().getParent(), List.of(a.port(), b.port()))) {
                Waits.until("the balancer sees both nodes ready", 30,
                        () -> new Http(balancer.port()).get("/api/health/ready").status() == 200);
                Http watcher = login(b.port(), WATCHED);
                Set<Long> heardOnB = ConcurrentHashMap.newKeySet();
                Pattern approved = Pattern.compile("\"id\":(\\d+),\"state\":\"APPROVED\"");
                watcher.events(line -> {
                    Matcher m = approved.matcher(line);
                    if (m.find()) {
                        heardOnB.add(Long.parseLong(m.group(1)));
                    }
                    return true;
                });

                Load load = new Load(balancer.port());
                long started = System.nanoTime();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String citizen = CITIZENS[c % CITIZENS.length];
                    running.add(clients.submit(() -> load.run(citizen)));
                }
                Waits.until("half the tasks submitted", 300, () -> load.submitted.get() >= TASKS / 2);
                a.kill();
                long killed = System.nanoTime();
                a.start();
                double restart = a.awaitHealthy(180);
                for (Future<?> f : running) {
                    f.get();
                }
                clients.shutdown();
                double submitSeconds = (System.nanoTime() - started) / 1e9;
                Waits.until("every task decided", 300, () -> count(db, "SELECT COUNT(*) FROM SB_TASK WHERE STATE = 'SUBMITTED'") == 0);
                double allDecided = (System.nanoTime() - started) / 1e9;

                long submittedTasks = count(db, "SELECT COUNT(DISTINCT TASKID) FROM SB_TASK_EVENT WHERE TOSTATE = 'SUBMITTED'");
                assertTrue("at least " + TASKS + " tasks submitted: " + submittedTasks, submittedTasks >= TASKS);
                assertEquals("every submitted task approved", submittedTasks,
                        count(db, "SELECT COUNT(*) FROM SB_TASK WHERE STATE = 'APPROVED'"));
                assertEquals("and none twice", 0, count(db, "SELECT COUNT(*) FROM (SELECT TASKID FROM SB_TASK_EVENT"
                        + " WHERE TOSTATE = 'APPROVED' GROUP BY TASKID HAVING COUNT(*) > 1) twice"));
                assertEquals("no client lost its session", 0, load.unauthorized.get());

                // the watched citizen's decisions reach the browser on B, those made by A included
                Set<Long> remote = remotelyDecided(b);
                Waits.until("B's stream has every decision of " + WATCHED, 30, () -> heardOnB.containsAll(load.ids(WATCHED)));
                assertTrue("some of them were decided on node A", load.ids(WATCHED).stream().anyMatch(remote::contains));

                // what an administrator does through A is in force on B
                Http adminA = login(a.port(), "admin");
                long upload = System.nanoTime();
                Http.Answer pilot = adminA.upload("/api/admin/plugins", "pilot.jar", "application/java-archive",
                        Files.readAllBytes(Path.of(System.getProperty(ShebaoContainer.PILOT_PLUGIN))));
                assertEquals(pilot.body(), 201, pilot.status());
                Waits.until("the upload through A usable through B", 60,
                        () -> new Http(b.port()).get("/api/health").body().contains(AdminIT.PILOT));
                double uploadSeconds = (System.nanoTime() - upload) / 1e9;
                Http jianganOnB = login(b.port(), "420102199003150117");
                assertTrue(menu(jianganOnB).contains(AdminIT.PILOT));
                long switchStart = System.nanoTime();
                assertEquals(200, login(a.port(), "jiangan-admin").put("/api/admin/districts/420102/plugins/suspend",
                        Map.of("enabled", false)).status());
                Waits.until("the switch on A in force on B", 30, () -> !menu(jianganOnB).contains("suspend"));
                double switchSeconds = (System.nanoTime() - switchStart) / 1e9;
                assertFalse(menu(jianganOnB).contains("suspend"));

                System.out.printf("Two nodes, PostgreSQL, HAProxy: %d tasks by %d clients submitted in %.1f s, all decided"
                        + " after %.1f s (%.0f tasks/s); node A killed after %d submitted, back in %.1f s; %d calls retried;"
                        + " upload on A usable on B after %.1f s, switch after %.1f s%n", submittedTasks, CLIENTS,
                        submitSeconds, allDecided, submittedTasks / allDecided, TASKS / 2, restart, load.retries.get(),
                        uploadSeconds, switchSeconds);
                assertTrue(killed > started);
            }
        }
    }

    private static KarafProcess node(String name, PostgresServer db) throws Exception {
        KarafProcess node = KarafProcess.onHost(name);
        node.set("org.ops4j.datasource-shebao.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        node.set("org.ops4j.datasource-shebao.cfg", "url", db.url("shebao"));
        node.set("org.ops4j.datasource-shebao.cfg", "user", PostgresServer.USER);
        node.set("org.ops4j.datasource-shebao.cfg", "password", "unused-trust-authentication");
        node.set("org.shebao.review.cfg", "delaySeconds", "0");
        node.set("org.shebao.security.cfg", "trustedProxies", "127.0.0.1");
        node.deploy(Path.of(System.getProperty("shebao.test.plugin")));
        return node;
    }

    private static Http login(int port, String login) {
        Http http = new Http(port);
        Waits.until("login of " + login, 120, () -> http.post("/api/session", Map.of("idNumber", login, "password",
                PASSWORD)).status() == 200);
        return http;
    }

    private static List<String> menu(Http http) {
        List<String> ids = new ArrayList<>();
        http.get("/api/business-types").json().forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    /** The task ids whose decision node B heard from another node (its DEBUG log of ClusterEvents). */
    private static Set<Long> remotelyDecided(KarafProcess b) throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        Matcher m = Pattern.compile("Event shebao/task/APPROVED from node-\\w+: id=(\\d+)")
                .matcher(Files.readString(b.home().resolve("data/log/karaf.log")));
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static long count(PostgresServer db, String sql) {
        try {
            return Long.parseLong(db.psql("shebao", sql));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The clients: save and submit until the total is reached, retrying what a dying node did not answer. */
    private static final class Load {

        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger unauthorized = new AtomicInteger();
        private final Map<String, Set<Long>> byCitizen = new ConcurrentHashMap<>();
        private final int port;

        Load(int port) {
            this.port = port;
        }

        Set<Long> ids(String citizen) {
            return byCitizen.getOrDefault(citizen, Set.of());
        }

        void run(String citizen) {
            Http http = login(port, citizen);
            int n = 0;
            while (submitted.get() < TASKS) {
                String type = "it-bulk-" + (n++ % 200);
                Http.Answer saved = call(() -> http.post("/api/tasks", Map.of("businessType", type,
                        "data", Map.of("name", "甲", "outcome", "approve"))), 201);
                long id = saved.json().path("id").asLong();
                Http.Answer done = call(() -> http.post("/api/tasks/" + id + "/submit",
                        Map.of("version", saved.json().path("version").asLong())), 200);
                if (done.status() == 200 || done.status() == 409) {
                    byCitizen.computeIfAbsent(citizen, c -> ConcurrentHashMap.newKeySet()).add(id);
                    submitted.incrementAndGet();
                }
            }
        }

        /** The call, again while no node answers (the balancer's 502/503 or a reset), until it has an answer. */
        private Http.Answer call(java.util.function.Supplier<Http.Answer> request, int expected) {
            for (int attempt = 0;; attempt++) {
                try {
                    Http.Answer answer = request.get();
                    if (answer.status() == 401) {
                        unauthorized.incrementAndGet();
                    }
                    if (answer.status() == expected || answer.status() < 500 || attempt > 100) {
                        return answer;
                    }
                } catch (AssertionError connectionLost) {
                    // the node died with the request: the balancer sends the next one elsewhere
                }
                retries.incrementAndGet();
                sleep();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
