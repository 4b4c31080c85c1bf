package org.shebao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of the assembled distribution for one benchmark run, on Derby or on the given PostgreSQL, and its start. */
final class BenchRun {

    static final int PORT = 8189;

    private BenchRun() {
    }

    /** Copies the distribution to {@code run} and points it at the port, the database, and no login throttle. */
    static void prepare(Path dist, Path run, PostgresServer postgres) throws IOException, InterruptedException {
        new ProcessBuilder("rm", "-rf", run.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("cp", "-a", dist.toString(), run.toString()).inheritIO().start().waitFor();
        Files.writeString(run.resolve("etc/org.ops4j.pax.web.cfg"),
                Files.readString(run.resolve("etc/org.ops4j.pax.web.cfg")).replace("8181", Integer.toString(PORT)));
        if (postgres != null) {
            Path cfg = run.resolve("etc/org.ops4j.datasource-shebao.cfg");
            Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^(osgi.jdbc.driver.name|url) *=.*$", "")
                    + "\nosgi.jdbc.driver.name = PostgreSQL JDBC Driver\nurl = " + postgres.url("shebao")
                    + "\nuser = " + PostgresServer.USER + "\npassword = trust\n");
        }
        // the benchmark polls the demo logins while the demo seeds its accounts: no brute force
        Files.writeString(run.resolve("etc/org.shebao.security.cfg"), "loginFailures = 100000\naddressFailures = 100000\n");
    }

    /** Starts {@code bin/karaf server} (the JVM's own process), with a JFR profile when {@code -Dbench.jfr=true}. */
    static Process start(Path run, String database) throws IOException {
        ProcessBuilder karaf = new ProcessBuilder("bin/karaf", "server").directory(run.toFile())
                .redirectErrorStream(true).redirectOutput(run.resolve("console.log").toFile());
        karaf.environment().put("KARAF_EXEC", "exec");
        if (Boolean.getBoolean("bench.jfr")) {
            // a profile of the whole run: jfr print --events jdk.ExecutionSample run/bench-<database>.jfr
            karaf.environment().put("EXTRA_JAVA_OPTS", "-XX:StartFlightRecording=filename="
                    + run.toAbsolutePath().resolve("bench-" + database + ".jfr") + ",settings=profile,dumponexit=true");
        }
        return karaf.start();
    }
}
