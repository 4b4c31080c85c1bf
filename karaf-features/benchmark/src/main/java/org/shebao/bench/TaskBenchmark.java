package org.shebao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    private static final int PORT = BenchRun.PORT;
    private static final int READS_PER_SECOND = 500;
    private static final int READ_SECONDS = 20;
    private static final int READ_CONNECTIONS = 200;

    private final BenchHttp http = new BenchHttp(PORT);
    private final List<String> boots = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        Path plugin = Path.of(args[1]);
        Path run = Path.of(args[2]);
        int tasks = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        List<String> table = new ArrayList<>();
        table.add(String.format("| %-34s | %7s | %-15s | %-15s | %-17s |", "database, load", "tasks/s",
                "save p50/p99", "submit p50/p99", "submit→decided"));
        table.add("|" + "-".repeat(36) + "|---------|-----------------|-----------------|-------------------|");
        TaskBenchmark bench = new TaskBenchmark();
        table.addAll(bench.run("Derby", dist, plugin, run, tasks, warmup, null,
                Double.parseDouble(System.getProperty("bench.rate.derby", "150"))));
        if (!Boolean.getBoolean("bench.derbyOnly") && PostgresServer.installed()) {
            try (PostgresServer postgres = PostgresServer.start("shebao", true)) {
                table.addAll(bench.run("PostgreSQL", dist, plugin, run, tasks, warmup, postgres,
                        Double.parseDouble(System.getProperty("bench.rate.postgres", "112"))));
            }
        }
        System.out.printf("%nShebao over HTTP, %d tasks after %d warm-up, %d clients; targets: Derby >= 150/s,"
                + " PostgreSQL >= 112/s, submit→decided p50 <= 300 ms and p99 <= 2 s at that rate; reads at 500/s:"
                + " p99 <= 50 ms, no timeouts (the reads' row: reads/s answered, p50/p99 from when each was due)%n",
                tasks, warmup, CITIZENS.length * CLIENTS_PER_CITIZEN);
        table.forEach(System.out::println);
        System.out.println();
        bench.boots.forEach(System.out::println);
    }

    /** Both drives on one database: as fast as the clients go (closed loop), then paced at the target rate. */
    private List<String> run(String database, Path dist, Path plugin, Path run, int tasks, int warmup,
            PostgresServer postgres, double rate) throws Exception {
        BenchRun.prepare(dist, run, postgres);
        // the shipped pipeline settings, but no review delay (-Dbench.review="workers = 1\nbatchSize = 50" to try others)
        Files.writeString(run.resolve("etc/org.shebao.review.cfg"),
                "delaySeconds = 0\n" + System.getProperty("bench.review", "").replace("\\n", "\n") + "\n");
        Files.copy(plugin, run.resolve("deploy").resolve(plugin.getFileName()));
        BootTime boot = BootTime.measure(http, run, database);
        boots.add(boot.line(database));
        Process process = boot.process;
        try {
            awaitReady();
            System.out.printf("%s: Karaf up. Warm-up: %d tasks%n", database, warmup);
            drive(warmup, false, null, () -> { });
            System.out.printf("%s, closed loop: %d tasks, %d concurrent clients (%d per demo citizen, each cycling its"
                    + " own share of %d test business types)%n", database, tasks, CITIZENS.length * CLIENTS_PER_CITIZEN,
                    CLIENTS_PER_CITIZEN, TYPES);
            HotMethods[] profile = new HotMethods[1];
            Run closed = drive(tasks, true, null, () -> profile[0] = HotMethods.start(process.pid(),
                    "closed-loop-" + database, CityBenchmark.profile(run, "tasks-closed-loop", database)));
            profile[0].stop();
            System.out.printf("%s, paced: %d tasks offered at %.0f/s (open loop)%n", database, tasks, rate);
            Run paced = drive(tasks, true, rate, () -> { });
            List<String> cookies = new ArrayList<>();
            for (String citizen : CITIZENS) {
                BenchClient reader = new BenchClient(http, citizen, List.of());
                reader.login();
                cookies.add(reader.cookie());
            }
            System.out.printf("%s, reads: GET /api/tasks?list=done at %d/s for %d s on up to %d connections%n", database,
                    READS_PER_SECOND, READ_SECONDS, READ_CONNECTIONS);
            // warm-up, not counted, profiled (the profiler's cost stays out of the figures)
            HotMethods readProfile = HotMethods.start(process.pid(), "reads-" + database,
                    CityBenchmark.profile(run, "reads-warm-up", database));
            ReadLoad.run(PORT, cookies, READS_PER_SECOND, 10, READ_CONNECTIONS);
            readProfile.stop();
            ReadLoad.Result reads = ReadLoad.run(PORT, cookies, READS_PER_SECOND, READ_SECONDS, READ_CONNECTIONS);
            return List.of(closed.row(database + ", as fast as it goes"),
                    paced.row(String.format("%s, offered %.0f/s", database, rate)),
                    reads.row(String.format("%s, reads offered %d/s", database, READS_PER_SECOND)));
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

    /** What is done once the clients are ready, before the clock starts. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * The clients log in and open their event streams before the clock (and a paced schedule) starts: a citizen
     * logs in once, not once per few hundred tasks (12 PBKDF2 hashes had been about a twentieth of a run's CPU).
     */
    private Run drive(int total, boolean report, Double rate, Step started) throws Exception {
        ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> submits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> decisions = new ConcurrentLinkedQueue<>();
        AtomicInteger remaining = new AtomicInteger(total);
        ExecutorService pool = Executors.newFixedThreadPool(CITIZENS.length * CLIENTS_PER_CITIZEN);
        List<BenchClient> clients = new ArrayList<>();
        for (String citizen : CITIZENS) {
            for (int k = 0; k < CLIENTS_PER_CITIZEN; k++) {
                List<String> types = new ArrayList<>();
                for (int t = k; t < TYPES; t += CLIENTS_PER_CITIZEN) {
                    types.add(t == 0 ? "it-probe" : "it-bulk-" + (t - 1));
                }
                clients.add(new BenchClient(http, citizen, types));
            }
        }
        List<Callable<Boolean>> logins = new ArrayList<>();
        clients.forEach(c -> logins.add(c::start));
        for (Future<Boolean> login : pool.invokeAll(logins)) {
            if (!login.get()) {
                throw new IllegalStateException("a demo citizen cannot log in");
            }
        }
        started.run();
        Pacer pacer = rate == null ? null : new Pacer(rate);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (BenchClient client : clients) {
            futures.add(pool.submit(() -> {
                client.loop(remaining, saves, submits, decisions, pacer);
                return null;
            }));
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
            Latencies.print("submit -> APPROVED (heard, SSE)", decisions);
        }
        return new Run(total / seconds, saves, submits, decisions);
    }
}
