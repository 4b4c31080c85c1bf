package org.shebao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up as an operator meets it: from {@code bin/karaf server} to the first 200 of {@code GET /api/health/ready}
 * (database reachable, migrations done, the approval pipeline running), on a fresh copy of the distribution (its
 * first boot: features resolved, tables made, demo data seeded), then again after a graceful stop (a restart).
 */
final class BootTime {

    private static final long POLL_MILLIS = 50;

    final double firstSeconds;
    final double restartSeconds;
    /** The platform after its restart, running for the rest of the benchmark. */
    final Process process;

    private BootTime(double firstSeconds, double restartSeconds, Process process) {
        this.firstSeconds = firstSeconds;
        this.restartSeconds = restartSeconds;
        this.process = process;
    }

    static BootTime measure(BenchHttp http, Path run, String database) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process first = BenchRun.start(run, database);
        double firstSeconds = untilReady(http, started, first);
        untilSeeded(run, first); // the demo's seeding, if it is still at work, belongs to the first start
        first.destroy(); // SIGTERM: Karaf stops its bundles, Derby its database
        first.waitFor();
        started = System.nanoTime();
        Process again = BenchRun.start(run, database);
        return new BootTime(firstSeconds, untilReady(http, started, again), again);
    }

    String line(String database) {
        return String.format("%s: first boot to ready %.1f s, restart %.1f s (target <= 8 s)", database, firstSeconds,
                restartSeconds);
    }

    /**
     * Waits (not timed) until the demo has seeded its accounts and records: the demo feature does so while the
     * platform already answers, and a stop before that would leave the work to the restart.
     */
    private static void untilSeeded(Path run, Process karaf) throws IOException, InterruptedException {
        Path log = run.resolve("data/log/karaf.log");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && karaf.isAlive()) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            boolean records = text.contains("citizens seeded") || text.contains("Demo records not seeded");
            if (text.contains("Demo accounts:") && records) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("the demo did not seed its accounts and records");
    }

    private static double untilReady(BenchHttp http, long started, Process karaf) throws InterruptedException {
        long deadline = started + 180_000_000_000L;
        while (System.nanoTime() < deadline && karaf.isAlive()) {
            try {
                if (http.send(null, "GET", "/api/health/ready", null).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("Karaf did not become ready");
    }
}
