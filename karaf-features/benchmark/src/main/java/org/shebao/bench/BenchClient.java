package org.shebao.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One citizen cycling through the test business types: save, submit, and before reusing a type, its approval. */
final class BenchClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final String idNumber;
    private final List<String> types;
    private final long[] open;
    private final long[] submittedAt;
    private String cookie;

    BenchClient(BenchHttp http, String idNumber, List<String> types) {
        this.http = http;
        this.approvedAt = new HashMap<>();
        this.idNumber = idNumber;
        this.types = types;
        this.open = new long[types.size()];
        this.submittedAt = new long[types.size()];
    }

    boolean login() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(null, "POST", "/api/session",
                "{\"idNumber\":\"" + idNumber + "\",\"password\":\"Shebao#2026\"}");
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return r.statusCode() == 200;
    }

    String cookie() {
        return cookie;
    }

    /** Logs in and listens to the caller's events. */
    boolean start() throws IOException, InterruptedException {
        if (!login()) {
            return false;
        }
        http.events(cookie, this::heard);
        return connected.await(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    void loop(AtomicInteger remaining, ConcurrentLinkedQueue<Long> saves, ConcurrentLinkedQueue<Long> submits,
            ConcurrentLinkedQueue<Long> decisions, Pacer pacer) throws Exception {
        int type = 0;
        while (remaining.getAndDecrement() > 0) {
            awaitApproved(type, decisions);
            if (pacer != null) {
                pacer.await();
            }
            long t0 = System.nanoTime();
            HttpResponse<String> saved = http.send(cookie, "POST", "/api/tasks", "{\"businessType\":\"" + name(type)
                    + "\",\"data\":{\"name\":\"压测\",\"outcome\":\"approve\"}}");
            long t1 = System.nanoTime();
            check(saved, 201);
            JsonNode task = JSON.readTree(saved.body());
            HttpResponse<String> submitted = http.send(cookie, "POST", "/api/tasks/" + task.path("id").asLong() + "/submit",
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
     * Before a business type is used again, its previous task must be approved (one open task per business). The
     * approval is observed as the console observes it, on the caller's server-sent event stream (its arrival time
     * is the decision's); a task not heard of within 30 s is asked for directly.
     */
    private void awaitApproved(int type, ConcurrentLinkedQueue<Long> decisions) throws Exception {
        long id = open[type];
        if (id == 0) {
            return;
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        Long at;
        synchronized (approvedAt) {
            while ((at = approvedAt.remove(id)) == null && System.nanoTime() < deadline) {
                approvedAt.wait(100);
            }
        }
        if (at == null) {
            HttpResponse<String> one = http.send(cookie, "GET", "/api/tasks/" + id, null);
            check(one, 200);
            if (!"APPROVED".equals(JSON.readTree(one.body()).path("state").asText())) {
                throw new IllegalStateException("task " + id + " not approved after 30 s: " + one.body());
            }
            at = System.nanoTime();
        }
        decisions.add(at - submittedAt[type]);
        open[type] = 0;
    }

    /** Approval times of the citizen's tasks, as the event stream tells them (shared by the citizen's clients). */
    private final Map<Long, Long> approvedAt;

    private final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);

    private void heard(String line) {
        if (line.startsWith(":")) {
            connected.countDown(); // the stream's first comment: subscribed
        }
        java.util.regex.Matcher m = APPROVED.matcher(line);
        if (line.startsWith("data:") && m.find()) {
            long now = System.nanoTime();
            synchronized (approvedAt) {
                approvedAt.put(Long.parseLong(m.group(1)), now);
                approvedAt.notifyAll();
            }
        }
    }

    private static final java.util.regex.Pattern APPROVED = java.util.regex.Pattern.compile(
            "\"id\":(\\d+),\"state\":\"APPROVED\"");

    private String name(int type) {
        return types.get(type);
    }

    private void check(HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
