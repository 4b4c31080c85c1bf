package org.shebao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives tasks through save, submit and automatic approval over HTTP against the assembled distribution,
 * started here as {@code bin/karaf server} with its default Derby durability, and prints throughput and
 * latency percentiles. Usage: {@code TaskBenchmark <distDir> <testPluginJar> <runDir> [tasks] [warmup]}.
 */
public final class TaskBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CITIZENS = {"420102199003150117", "420106198507220220", "420111197811020334",
            "420103198205300445", "420104197509090557", "420105197012010669"};
    private static final int TYPES = 201;
    private static final int CLIENTS_PER_CITIZEN = Integer.getInteger("bench.clientsPerCitizen", 2);
    private static final int PORT = 8189;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        Path plugin = Path.of(args[1]);
        Path run = Path.of(args[2]);
        int tasks = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        new TaskBenchmark().run(dist, plugin, run, tasks, warmup);
    }

    private void run(Path dist, Path plugin, Path run, int tasks, int warmup) throws Exception {
        new ProcessBuilder("rm", "-rf", run.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("cp", "-a", dist.toString(), run.toString()).inheritIO().start().waitFor();
        // the shipped pipeline settings, but no review delay (-Dbench.review="workers = 1\nbatchSize = 50" to try others)
        Files.writeString(run.resolve("etc/org.shebao.review.cfg"),
                "delaySeconds = 0\n" + System.getProperty("bench.review", "").replace("\\n", "\n") + "\n");
        Files.writeString(run.resolve("etc/org.ops4j.pax.web.cfg"),
                Files.readString(run.resolve("etc/org.ops4j.pax.web.cfg")).replace("8181", Integer.toString(PORT)));
        Files.copy(plugin, run.resolve("deploy").resolve(plugin.getFileName()));
        ProcessBuilder karaf = new ProcessBuilder("bin/karaf", "server").directory(run.toFile())
                .redirectErrorStream(true).redirectOutput(run.resolve("console.log").toFile());
        karaf.environment().put("KARAF_EXEC", "exec");
        karaf.environment().put("SSH_PORT", "0");
        Process process = karaf.start();
        try {
            awaitReady();
            System.out.printf("Karaf up (Derby embedded, default durability). Warm-up: %d tasks%n", warmup);
            drive(warmup, false);
            System.out.printf("Measured: %d tasks, %d concurrent clients (%d per demo citizen, each cycling its own"
                    + " share of %d test business types)%n", tasks, CITIZENS.length * CLIENTS_PER_CITIZEN,
                    CLIENTS_PER_CITIZEN, TYPES);
            drive(tasks, true);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                String health = send(null, "GET", "/api/health", null).body();
                if (health.contains("it-bulk-199")) {
                    // the demo feature seeds its accounts while the platform already answers
                    boolean all = true;
                    for (String citizen : CITIZENS) {
                        all &= new Client(citizen, List.of()).login();
                    }
                    if (all) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Karaf did not become ready");
    }

    private void drive(int total, boolean report) throws Exception {
        ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> submits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> decisions = new ConcurrentLinkedQueue<>();
        AtomicInteger remaining = new AtomicInteger(total);
        ExecutorService pool = Executors.newFixedThreadPool(CITIZENS.length * CLIENTS_PER_CITIZEN);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (String citizen : CITIZENS) {
            for (int k = 0; k < CLIENTS_PER_CITIZEN; k++) {
                List<String> types = new ArrayList<>();
                for (int t = k; t < TYPES; t += CLIENTS_PER_CITIZEN) {
                    types.add(t == 0 ? "it-probe" : "it-bulk-" + (t - 1));
                }
                futures.add(pool.submit(() -> {
                    Client client = new Client(citizen, types);
                    if (!client.login()) {
                        throw new IllegalStateException("demo citizen " + citizen + " cannot log in");
                    }
                    client.loop(remaining, saves, submits, decisions);
                    return null;
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (report) {
            System.out.printf("Completed (approved) tasks: %d in %.1f s = %.1f tasks/s%n", total, seconds, total / seconds);
            print("save   (POST /api/tasks)        ", saves);
            print("submit (POST /api/tasks/{id}/submit)", submits);
            print("submit -> APPROVED (observed)  ", decisions);
        }
    }

    private static void print(String what, ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("  %s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private HttpResponse<String> send(String cookie, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One citizen cycling through the test business types: save, submit, and before reusing a type, its approval. */
    private final class Client {
        private final String idNumber;
        private final List<String> types;
        private final long[] open;
        private final long[] submittedAt;
        private String cookie;

        Client(String idNumber, List<String> types) {
            this.idNumber = idNumber;
            this.types = types;
            this.open = new long[types.size()];
            this.submittedAt = new long[types.size()];
        }

        boolean login() throws IOException, InterruptedException {
            HttpResponse<String> r = send(null, "POST", "/api/session",
                    "{\"idNumber\":\"" + idNumber + "\",\"password\":\"Shebao#2026\"}");
            r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return r.statusCode() == 200;
        }

        void loop(AtomicInteger remaining, ConcurrentLinkedQueue<Long> saves, ConcurrentLinkedQueue<Long> submits,
                ConcurrentLinkedQueue<Long> decisions) throws Exception {
            int type = 0;
            while (remaining.getAndDecrement() > 0) {
                awaitApproved(type, decisions);
                long t0 = System.nanoTime();
                HttpResponse<String> saved = send(cookie, "POST", "/api/tasks", "{\"businessType\":\"" + name(type)
                        + "\",\"data\":{\"name\":\"压测\",\"outcome\":\"approve\"}}");
                long t1 = System.nanoTime();
                check(saved, 201);
                JsonNode task = JSON.readTree(saved.body());
                HttpResponse<String> submitted = send(cookie, "POST", "/api/tasks/" + task.path("id").asLong() + "/submit",
                        "{\"version\":" + task.path("version").asLong() + "}");
                long t2 = System.nanoTime();
                check(submitted, 200);
                saves.add(t1 - t0);
                submits.add(t2 - t1);
                open[type] = task.path("id").asLong();
                submittedAt[type] = t2;
                type = (type + 1) % types.size();
            }
            for (int t = 0; t < types.size(); t++) {
                awaitApproved(t, decisions);
            }
        }

        /**
         * Before a business type is used again, its previous task must be approved (one open task per business).
         * Approvals are learnt in bulk from the done list (newest first), one request for many tasks.
         */
        private void awaitApproved(int type, ConcurrentLinkedQueue<Long> decisions) throws Exception {
            while (open[type] != 0) {
                HttpResponse<String> r = send(cookie, "GET", "/api/tasks?list=done&page=0&size=100", null);
                check(r, 200);
                long now = System.nanoTime();
                java.util.Map<Long, Integer> index = new java.util.HashMap<>();
                for (int t = 0; t < open.length; t++) {
                    if (open[t] != 0) {
                        index.put(open[t], t);
                    }
                }
                for (JsonNode item : JSON.readTree(r.body()).path("items")) {
                    Integer t = index.get(item.path("id").asLong());
                    if (t != null && "APPROVED".equals(item.path("state").asText())) {
                        decisions.add(now - submittedAt[t]);
                        open[t] = 0;
                    }
                }
                if (open[type] != 0) {
                    // older than the newest page: ask for that task itself
                    HttpResponse<String> one = send(cookie, "GET", "/api/tasks/" + open[type], null);
                    check(one, 200);
                    String state = JSON.readTree(one.body()).path("state").asText();
                    if ("APPROVED".equals(state)) {
                        decisions.add(System.nanoTime() - submittedAt[type]);
                        open[type] = 0;
                    } else if (!"SUBMITTED".equals(state)) {
                        throw new IllegalStateException("task " + open[type] + " ended " + state);
                    } else {
                        Thread.sleep(100);
                    }
                }
            }
        }

        private String name(int type) {
            return types.get(type);
        }

        private void check(HttpResponse<String> r, int expected) {
            if (r.statusCode() != expected) {
                throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }
}
