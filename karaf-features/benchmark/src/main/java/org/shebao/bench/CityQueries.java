package org.shebao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Each citizen query over HTTP for sampled generated persons: they open their accounts (the records must match),
 * log in, and 4 clients ask each path in turn for a random one of them; p50 and p99 per path.
 */
final class CityQueries {

    static final List<String> PATHS = List.of("/api/records/me", "/api/records/me/ledger?size=20",
            "/api/plugins/arrears-payment/arrears", "/api/plugins/arrears-payment/payable",
            "/api/plugins/gap-payment/gaps");
    static final String HEADER = "records | ledger (a page) | arrears | payable | gaps";
    private static final String PASSWORD = "城市规模测试口令2026";
    private static final int CLIENTS = 4;
    private static final int REQUESTS = 2000;
    private static final int WARM_UP_ROUNDS = 2;

    private final BenchHttp http;

    CityQueries(BenchHttp http) {
        this.http = http;
    }

    /** The sampled citizens open their accounts and log in; answers their session cookies. */
    List<String> open(List<String[]> citizens) throws Exception {
        List<String> cookies = new ArrayList<>();
        for (String[] c : citizens) {
            http.send(null, "POST", "/api/accounts", String.format(
                    "{\"idNumber\":\"%s\",\"name\":\"%s\",\"mobile\":\"%s\",\"password\":\"%s\"}", c[0], c[1], c[2], PASSWORD));
            var login = http.send(null, "POST", "/api/session",
                    String.format("{\"idNumber\":\"%s\",\"password\":\"%s\"}", c[0], PASSWORD));
            login.headers().firstValue("Set-Cookie").ifPresent(cookie -> cookies.add(cookie.split(";", 2)[0]));
        }
        if (cookies.isEmpty()) {
            throw new IllegalStateException("no sampled citizen could log in");
        }
        return cookies;
    }

    /**
     * "p50 / p99 ms" for each of {@link #PATHS} in a steady state: two rounds of every path in turn (20 000 requests)
     * warm the JVM up, whose JIT compiles the paths' code over them (right after a start the first round's p99 was
     * 2½ to 9 times the third's), then {@code rounds} rounds are measured. Each round's figures are printed, the warm-up
     * rounds' too; the table's figure pools the measured rounds.
     */
    List<String> measure(List<String> cookies, int rounds) throws Exception {
        List<List<Long>> pooled = new ArrayList<>();
        PATHS.forEach(path -> pooled.add(new ArrayList<>()));
        for (int round = 1 - WARM_UP_ROUNDS; round <= rounds; round++) {
            for (int i = 0; i < PATHS.size(); i++) {
                ConcurrentLinkedQueue<Long> nanos = drive(PATHS.get(i), cookies, REQUESTS);
                if (round > 0) {
                    pooled.get(i).addAll(nanos);
                }
                System.out.printf("  %s %s: %s (%d citizens)%n", round > 0 ? "round " + round
                        : "warm-up round " + (round + WARM_UP_ROUNDS), PATHS.get(i), Latencies.summary(nanos), cookies.size());
            }
        }
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < PATHS.size(); i++) {
            figures.add(Latencies.summary(pooled.get(i)));
            System.out.printf("  %s, %d rounds: %s%n", PATHS.get(i), rounds, figures.get(i));
        }
        return figures;
    }

    private ConcurrentLinkedQueue<Long> drive(String path, List<String> cookies, int requests) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < CLIENTS; k++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < requests / CLIENTS; i++) {
                    String cookie = cookies.get(ThreadLocalRandom.current().nextInt(cookies.size()));
                    long start = System.nanoTime();
                    int status = http.send(cookie, "GET", path, null).statusCode();
                    nanos.add(System.nanoTime() - start);
                    if (status != 200) {
                        throw new IllegalStateException(path + " answered " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return nanos;
    }
}
