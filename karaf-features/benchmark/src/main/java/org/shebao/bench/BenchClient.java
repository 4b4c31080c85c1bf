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

    void loop(AtomicInteger remaining, ConcurrentLinkedQueue<Long> saves, ConcurrentLinkedQueue<Long> submits,
            ConcurrentLinkedQueue<Long> decisions) throws Exception {
        int type = 0;
        while (remaining.getAndDecrement() > 0) {
            awaitApproved(type, decisions);
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
     * Before a business type is used again, its previous task must be approved (one open task per business).
     * Approvals are learnt in bulk from the done list (newest first), one request for many tasks.
     */
    private void awaitApproved(int type, ConcurrentLinkedQueue<Long> decisions) throws Exception {
        while (open[type] != 0) {
            HttpResponse<String> r = http.send(cookie, "GET", "/api/tasks?list=done&page=0&size=100", null);
            check(r, 200);
            long now = System.nanoTime();
            Map<Long, Integer> index = new HashMap<>();
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
                HttpResponse<String> one = http.send(cookie, "GET", "/api/tasks/" + open[type], null);
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
