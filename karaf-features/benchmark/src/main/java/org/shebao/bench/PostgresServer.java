package org.shebao.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A PostgreSQL server of the tests' and the benchmark's own: Debian's {@code postgresql} binaries (installed by
 * {@code scripts/install-test-deps}), a fresh cluster in a temporary folder on a free loopback port, trust
 * authentication for the user {@code shebao}, stopped on {@link #close()}. {@code initdb} refuses to run as root, so
 * as root (CI) the cluster is made and run as the {@code postgres} user with {@code runuser}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "shebao";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean durable;
    private boolean running;

    private PostgresServer(Path bin, Path dir, int port, boolean durable) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.durable = durable;
    }

    /** Makes and starts a cluster for tests (no fsync: nothing here outlives the run), with one database. */
    public static PostgresServer start(String database) throws IOException, InterruptedException {
        return start(database, false);
    }

    /**
     * Makes and starts a cluster with one database; {@code durable}: PostgreSQL's default durability (fsync,
     * synchronous commit), as the benchmark measures it.
     */
    public static PostgresServer start(String database, boolean durable) throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("shebao-pg-");
        if (root()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), durable);
        server.asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        server.startAgain();
        server.createDatabase(database);
        return server;
    }

    /** Stops the server as an outage would (its clients' connections end), keeping its data and port. */
    public void stop() throws IOException, InterruptedException {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        running = false;
    }

    /** Starts the server (again) on its port, with its data. */
    public void startAgain() throws IOException, InterruptedException {
        running = true; // (a start that fails half-way is stopped on close all the same)
        asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                        + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"), "start");
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of a database of this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) throws IOException, InterruptedException {
        psql("postgres", "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    }

    /** Runs SQL with psql and answers its unaligned, tuples-only output. */
    public String psql(String database, String sql) throws IOException, InterruptedException {
        return run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql)).trim();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (running) {
                stop();
            }
        } finally {
            run(List.of("rm", "-rf", dir.toString()));
        }
    }

    /** A port free on this machine now. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** True when Debian's PostgreSQL server binaries are installed. */
    public static boolean installed() {
        try {
            binaries();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path binaries() throws IOException {
        File[] versions = new File("/usr/lib/postgresql").listFiles(f -> new File(f, "bin/initdb").canExecute());
        if (versions == null || versions.length == 0) {
            throw new IOException("PostgreSQL server binaries not found under /usr/lib/postgresql:"
                    + " run scripts/install-test-deps");
        }
        return Arrays.stream(versions).max(Comparator.comparingInt(f -> Integer.parseInt(f.getName().replaceAll("\\D", "0"))))
                .orElseThrow().toPath().resolve("bin");
    }

    private void asOwner(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(root() ? List.of("runuser", "-u", "postgres", "--") : List.of());
        full.addAll(List.of(command));
        run(full);
    }

    private static boolean root() throws IOException {
        return new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .trim().equals("0");
    }

    /** Runs a command to its end and answers its output; an exit code other than 0 is an IOException. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
