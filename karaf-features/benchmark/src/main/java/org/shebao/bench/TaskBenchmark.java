package org.shebao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * Drives tasks through save, submit and automatic approval over HTTP against the assembled distribution,
 * started here as {@code bin/karaf server} with its default Derby durability, and prints throughput and
 * latency percentiles. Usage: {@code TaskBenchmark <distDir> <testPluginJar> <runDir> [tasks] [warmup]}.
 */
public final class TaskBenchmark {

    private static final String[] CITIZENS = {"420102199003150117", "420106198507220220", "420111197811020334",
            "420103198205300445", "420104197509090557", "420105197012010669"};
    private static final int TYPES = 201;
    private static final int CLIENTS_PER_CITIZEN = Integer.getInteger("bench.clientsPerCitizen", 2);
    private static final int PORT = 8189;

    private final BenchHttp http = new BenchHttp(PORT);

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
                String health = http.send(null, "GET", "/api/health", null).body();
                if (health.contains("it-bulk-199")) {
                    // the demo feature seeds its accounts while the platform already answers
                    boolean all = true;
                    for (String citizen : CITIZENS) {
                        all &= new BenchClient(http, citizen, List.of()).login();
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
                    BenchClient client = new BenchClient(http, citizen, types);
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
            Latencies.print("save   (POST /api/tasks)        ", saves);
            Latencies.print("submit (POST /api/tasks/{id}/submit)", submits);
            Latencies.print("submit -> APPROVED (observed)  ", decisions);
        }
    }
}
