package org.shebao.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution run as an operator runs it ({@code bin/karaf server}), as a separate JVM inside a
 * network namespace of its own that has nothing but loopback: no outside address exists for it. HTTP
 * goes through {@code curl} in the same namespace. Needs root (as CI has) and iproute2.
 */
public final class KarafProcess implements AutoCloseable {

    private final Path home;
    /** The network namespace it runs in, or null for the host's network. */
    private final String namespace;
    private final Path emptyHome;
    private int port = 8181;
    private Process process;

    /** One answer of curl. */
    public record Answer(int status, String body) {
    }

    private KarafProcess(Path home, String namespace) throws IOException {
        this.home = home;
        this.namespace = namespace;
        this.emptyHome = Files.createDirectories(home.resolve("empty-user-home"));
        // the tests poll the demo logins while the demo seeds its accounts: no attack (see LoginThrottleIT)
        set("org.shebao.security.cfg", "loginFailures", "100000");
        set("org.shebao.security.cfg", "addressFailures", "100000");
    }

    /** A fresh copy of the unpacked distribution in {@code target/runs/<name>} and a namespace for it. */
    public static KarafProcess fresh(String name) throws IOException, InterruptedException {
        Path dist = Path.of(System.getProperty("shebao.dist"));
        Path run = Path.of(System.getProperty("shebao.work")).resolve(name);
        run(List.of("rm", "-rf", run.toString()));
        Files.createDirectories(run.getParent());
        run(List.of("cp", "-a", dist.toString(), run.toString()));
        String ns = "shebao-it-" + ProcessHandle.current().pid() + "-" + name;
        run(List.of("ip", "netns", "add", ns));
        run(List.of("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"));
        return new KarafProcess(run, ns);
    }

    /**
     * A fresh copy on the host's network (for a browser on this machine), on free ports: HTTP, SSH and JMX.
     */
    public static KarafProcess onHost(String name) throws IOException, InterruptedException {
        Path dist = Path.of(System.getProperty("shebao.dist"));
        Path run = Path.of(System.getProperty("shebao.work")).resolve(name);
        run(List.of("rm", "-rf", run.toString()));
        Files.createDirectories(run.getParent());
        run(List.of("cp", "-a", dist.toString(), run.toString()));
        KarafProcess karaf = new KarafProcess(run, null);
        karaf.port = ShebaoContainer.freePort();
        karaf.set("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(karaf.port));
        karaf.set("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ShebaoContainer.freePort()));
        karaf.set("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(ShebaoContainer.freePort()));
        karaf.set("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(ShebaoContainer.freePort()));
        return karaf;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** Sets one key of a configuration file in {@code etc/}, keeping the others. */
    public void set(String file, String key, String value) throws IOException {
        Path path = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8)) : new ArrayList<>();
        lines.removeIf(line -> line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
        lines.add(key + " = " + value);
        Files.write(path, lines, StandardCharsets.UTF_8);
    }

    public static boolean supported() {
        try {
            return new ProcessBuilder("id", "-u").start().inputReader().readLine().trim().equals("0")
                    && new File("/usr/sbin/ip").canExecute() || new File("/sbin/ip").canExecute();
        } catch (IOException e) {
            return false;
        }
    }

    public Path home() {
        return home;
    }

    /** Writes (replaces) a configuration file in {@code etc/}. */
    public void configure(String file, String content) throws IOException {
        Files.writeString(home.resolve("etc").resolve(file), content, StandardCharsets.UTF_8);
    }

    /** Drops a bundle into {@code deploy/}, as an administrator would. */
    public void deploy(Path bundle) throws IOException {
        Files.copy(bundle, home.resolve("deploy").resolve(bundle.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public void start() throws IOException {
        List<String> command = namespace == null ? List.of("bin/karaf", "server")
                : List.of("ip", "netns", "exec", namespace, "bin/karaf", "server");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("KARAF_EXEC", "exec");
        builder.environment().put("EXTRA_JAVA_OPTS", "-Duser.home=" + emptyHome);
        process = builder.start();
    }

    /** Seconds until {@code /api/health} answers 200 and the API stays mounted (see below). */
    public double awaitHealthy(int seconds) throws Exception {
        long start = System.nanoTime();
        long[] mountedSince = {0};
        Waits.until("health of " + home, seconds, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("Karaf exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            // healthy, and every resource mounted: the JAX-RS whiteboard rebuilds the application each time a
            // resource arrives at boot, answering 404 meanwhile, so the checks must hold for 3 s on end: the last
            // plugins' endpoints and the engine's own answer 401, not 404
            boolean mounted = http("GET", "/api/health", null, null).status() == 200
                    && http("GET", "/api/me", null, null).status() == 401
                    && http("GET", "/api/admin/overview", null, null).status() == 401
                    && http("GET", "/api/plugins/gap-payment/gaps", null, null).status() == 401
                    && http("GET", "/api/plugins/arrears-payment/slips", null, null).status() == 401
                    && http("GET", "/api/plugins/arrears-writeoff/arrears", null, null).status() == 401;
            if (!mounted) {
                mountedSince[0] = 0;
                return false;
            }
            if (mountedSince[0] == 0) {
                mountedSince[0] = System.nanoTime();
            }
            return System.nanoTime() - mountedSince[0] > 3_000_000_000L;
        });
        return (System.nanoTime() - start) / 1e9 - 3;
    }

    /** Stops Karaf as SIGTERM does (graceful shutdown). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("Karaf did not stop within 60 s");
        }
    }

    /** Kills Karaf with SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** An HTTP call from inside the namespace; {@code cookieJar} keeps the session like a browser; extra headers. */
    public Answer http(String method, String path, String json, Path cookieJar, String... headers) {
        List<String> command = new ArrayList<>(namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace));
        command.addAll(List.of("curl", "-s", "-m", "30", "-X", method, "-w", "\n%{http_code}", "-H", "Accept-Language: zh-CN"));
        if (json != null) {
            command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", json));
        }
        if (cookieJar != null) {
            command.addAll(List.of("-b", cookieJar.toString(), "-c", cookieJar.toString()));
        }
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add("http://127.0.0.1:" + port + path);
        try {
            String out = run(command);
            int cut = out.lastIndexOf('\n');
            return new Answer(Integer.parseInt(out.substring(cut + 1).trim()), out.substring(0, Math.max(cut, 0)));
        } catch (IOException | NumberFormatException e) {
            return new Answer(0, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a command in the namespace and answers its output. */
    public String inNamespace(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return runAllowingFailure(full);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        if (namespace != null) {
            runAllowingFailure(List.of("ip", "netns", "del", namespace));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        return org.shebao.bench.PostgresServer.run(command);
    }

    private static String runAllowingFailure(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8"); // an operator's terminal: Chinese arguments as typed
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
