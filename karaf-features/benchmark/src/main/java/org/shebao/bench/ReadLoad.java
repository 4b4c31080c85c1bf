package org.shebao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Authenticated reads at a fixed rate (open loop: request n is due at start + n / rate whether or not the earlier ones
 * have answered, on at most {@code connections} connections), each timed from when it was due, so that a stall shows
 * in full instead of slowing the load down ({@code GET /api/tasks?list=done}, the citizens' "done" list).
 */
final class ReadLoad {

    /** What the read test measured. */
    record Result(double perSecond, ConcurrentLinkedQueue<Long> latencies, int timeouts, int errors) {
        String row(String what) {
            return String.format("| %-34s | %7.1f | %-15s | timeouts %-6d | errors %-10d |", what, perSecond,
                    Latencies.summary(latencies), timeouts, errors);
        }
    }

    private ReadLoad() {
    }

    static Result run(int port, List<String> cookies, double perSecond, int seconds, int connections) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore open = new Semaphore(connections);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int total = (int) (perSecond * seconds);
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            open.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/tasks?list=done&page=0&size=10")).timeout(Duration.ofSeconds(5))
                    .header("Cookie", cookies.get(n % cookies.size())).GET().build();
            all[n] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, failure) -> {
                open.release();
                if (failure != null) {
                    (failure.getCause() instanceof java.net.http.HttpTimeoutException ? timeouts : errors).incrementAndGet();
                } else if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(System.nanoTime() - due);
                }
            });
        }
        CompletableFuture.allOf(all).handle((v, e) -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies.size() / elapsed, latencies, timeouts.get(), errors.get());
    }
}
