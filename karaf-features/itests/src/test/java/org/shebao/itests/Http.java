package org.shebao.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the tests: JSON in and out, one session cookie kept like a browser would. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer. */
    public record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String cookie;
    private String language = "zh-CN";

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private String forwardedFor;

    /** Requests as if through the balancer, for the given client address (the test container trusts 127.0.0.1). */
    public Http forwardedFor(String address) {
        this.forwardedFor = address;
        return this;
    }

    private final java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();

    /** Sends this header with every request from now on (an Origin, a Referer, X-Forwarded-Proto…); null removes it. */
    public Http header(String name, String value) {
        if (value == null) {
            extra.remove(name);
        } else {
            extra.put(name, value);
        }
        return this;
    }

    public Http language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public String cookie() {
        return cookie;
    }

    public Http cookie(String value) {
        this.cookie = value;
        return this;
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends raw text as JSON (for malformed bodies). */
    public Answer postRaw(String path, String text) {
        return exchange(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /** Sends raw JSON text without a Content-Length, in chunks, as a streaming client would. */
    public Answer postChunked(String path, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return exchange(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    /** Posts a text body of the content type (a CSV file, say). */
    public Answer postText(String path, String contentType, String text) {
        return exchange(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A multipart/form-data upload of one file in the field {@code file}. */
    public Answer upload(String path, String filename, String contentType, byte[] content) {
        return upload(path, filename, contentType, content, "POST");
    }

    /** A multipart upload of one file (form field {@code file}) with the method given (POST or PUT). */
    public Answer upload(String path, String filename, String contentType, byte[] content, String method) {
        String boundary = "----shebao" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return exchange(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The raw bytes of a download. */
    public byte[] bytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Opens the caller's server-sent event stream and hands each line to the consumer until it returns false, on a
     * thread of its own (thenAcceptAsync: when the headers had already arrived, thenAccept would read the endless
     * stream on the caller's thread).
     */
    public java.util.concurrent.CompletableFuture<Void> events(java.util.function.Predicate<String> consumer) {
        return client.sendAsync(request("/api/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> {
                    try (java.util.stream.Stream<String> lines = response.body()) {
                        lines.takeWhile(consumer).forEach(line -> { });
                    }
                });
    }

    /** Asks for the event stream and answers its status as soon as the headers arrive (then lets it go). */
    public int eventsStatus() {
        try {
            HttpResponse<java.io.InputStream> response = client.send(request("/api/events")
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The logged-in caller's login (ID number or user name). */
    public String me() {
        return get("/api/me").json().path("idNumber").asText();
    }

    public Answer login(String login, String password) {
        Answer answer = post("/api/session", java.util.Map.of("idNumber", login, "password", password));
        if (answer.status() != 200) {
            throw new AssertionError("login of " + login + " failed: " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private Answer send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest.Builder builder = request(path).method(method, publisher);
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            return exchange(builder);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", language);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        extra.forEach(builder::header);
        return builder;
    }

    private Answer exchange(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("SHEBAO_SESSION="))
                    .findFirst()
                    .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
