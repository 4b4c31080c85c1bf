package org.shebao.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * City-scale data ({@code ./shebao bench city [derbyPersons] [postgresPersons]}): a fresh distribution loads synthetic
 * persons with 5 years of ledger (110, 310, 330) through the bulk import ({@code shebao:records-generate}), then
 * sampled citizens open accounts and query their records over HTTP ({@link CityQueries}), the ledger job rolls every
 * person over into the next month ({@code shebao:ledger-run}), and the heap is measured after a full GC. The queries
 * and the roll-over are profiled ({@link HotMethods}).
 */
public final class CityBenchmark {

    private static final int SSH_PORT = 8109;
    private static final int SAMPLE = 300;
    private static final Pattern GENERATED = Pattern.compile("Generated (\\d+) persons, (\\d+) ledger lines in ([\\d.]+) s");
    private static final Pattern ANALYSED = Pattern.compile("Planner statistics refreshed in ([\\d.]+) s");
    private static final Pattern SAMPLED = Pattern.compile("(?m)^sample (\\S+) (\\S+) (\\S+)");
    private static final Pattern ROLLED = Pattern.compile("Ledger up to (\\S+): (\\d+) persons (\\([^)]*\\)), (\\d+) lines .* in ([\\d.]+) s");

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        Path run = Path.of(args[1]);
        int derby = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int postgres = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        List<String> table = new ArrayList<>();
        table.add("| database | persons | ledger lines | bulk import | roll-over (ledger job) | heap after GC | "
                + CityQueries.HEADER + " |");
        table.add("|---|---|---|---|---|---|" + "---|".repeat(CityQueries.PATHS.size()));
        if (derby > 0) {
            table.add(run("Derby", dist, run, derby, null));
        }
        if (postgres > 0 && PostgresServer.installed()) {
            try (PostgresServer server = PostgresServer.start("shebao", true)) {
                table.add(run("PostgreSQL", dist, run, postgres, server));
            }
        }
        System.out.printf("%nCity-scale data; targets: each citizen query p99 <= 20 ms, roll-over <= 60 s on PostgreSQL,"
                + " heap after GC <= 512 MB (queries: p50 / p99 over HTTP, 4 clients)%n");
        table.forEach(System.out::println);
    }

    private static String run(String database, Path dist, Path run, int persons, PostgresServer postgres) throws Exception {
        BenchRun.prepare(dist, run, postgres);
        Path shell = run.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replaceAll("(?m)^sshPort *=.*$", "sshPort = " + SSH_PORT));
        // no timed ledger run in the measurements: the roll-over below is the one measured
        Files.writeString(run.resolve("etc/org.shebao.ledger.cfg"), "intervalMinutes = 1440\ninitialDelaySeconds = 86400\n");
        Files.writeString(run.resolve("etc/users.properties"),
                "bench = bench,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        Process karaf = BenchRun.start(run, database);
        try {
            BenchHttp http = new BenchHttp(BenchRun.PORT);
            awaitHealthy(http);
            System.out.printf("%s: generating %d persons (bulk import)%n", database, persons);
            String generated = shell(run, "shebao:records-generate --persons " + persons + " --sample " + SAMPLE);
            Matcher g = GENERATED.matcher(generated);
            if (!g.find()) {
                throw new IllegalStateException("generator said: " + generated);
            }
            System.out.println(g.group());
            Matcher analysed = ANALYSED.matcher(generated);
            String statistics = analysed.find() ? analysed.group(1) + " s" : "not refreshed";
            System.out.printf("%s: planner statistics refreshed in %s%n", database, statistics);
            List<String[]> citizens = new ArrayList<>();
            for (Matcher s = SAMPLED.matcher(generated); s.find();) {
                citizens.add(new String[] {s.group(1), s.group(2), s.group(3)});
            }
            CityQueries asking = new CityQueries(http);
            List<String> cookies = asking.open(citizens);
            HotMethods queryProfile = HotMethods.start(karaf.pid(), "queries-" + database,
                    profile(run, "city-queries", database));
            List<String> queries = asking.measure(cookies, Integer.getInteger("bench.city.rounds", 3));
            queryProfile.stop();
            // this month's amounts due first (the job's run at start), then the month roll-over measured
            Matcher today = ROLLED.matcher(shell(run, "shebao:ledger-run"));
            System.out.printf("%s: up to today first: %s%n", database, today.find() ? today.group() : "failed");
            String next = LocalDate.now().withDayOfMonth(1).plusMonths(1).toString();
            HotMethods rollProfile = HotMethods.start(karaf.pid(), "roll-over-" + database,
                    profile(run, "city-roll-over", database));
            Matcher r = ROLLED.matcher(shell(run, "shebao:ledger-run --date " + next));
            rollProfile.stop();
            String rollOver = r.find() ? String.format("%s s (%s lines; %s)", r.group(5), r.group(4), r.group(3))
                    : "failed";
            System.out.printf("%s: roll-over to %s: %s%n", database, next, rollOver);
            long heap = HeapAfterGc.measure(karaf.pid(), http);
            return String.format("| %s | %s | %s | %s s (%.0f lines/s), statistics %s | %s | %d MB | %s |", database,
                    g.group(1), g.group(2), g.group(3), Long.parseLong(g.group(2)) / Double.parseDouble(g.group(3)),
                    statistics, rollOver, heap >> 20,
                    String.join(" | ", queries));
        } finally {
            karaf.destroy();
            karaf.waitFor();
        }
    }

    /** Beside the run folder, which the next run deletes. */
    static Path profile(Path run, String phase, String database) throws IOException {
        Path folder = Files.createDirectories(run.toAbsolutePath().getParent().resolve("profiles"));
        return folder.resolve(phase + "-" + database + ".jfr");
    }

    private static void awaitHealthy(BenchHttp http) throws Exception {
        for (int i = 0; i < 360; i++) {
            try {
                if (http.send(null, "GET", "/api/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Karaf did not become ready");
    }

    /** A command through {@code bin/client} (batch mode), as an operator runs it; answers what it printed. */
    static String shell(Path run, String command) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Process client = new ProcessBuilder("bin/client", "-a", Integer.toString(SSH_PORT), "-u", "bench", "-p", "bench",
                    "-b").directory(run.toFile()).redirectErrorStream(true).start();
            client.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().close();
            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (client.waitFor() == 0 || attempt == 10) {
                return out;
            }
            Thread.sleep(2000);
        }
    }
}
