package org.shebao.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.shebao.bench.PostgresServer;

/**
 * Pax Exam configuration that boots the project's own assembled distribution (not a stock Karaf),
 * once per test run: every Pax Exam class runs in that one container.
 */
public final class ShebaoContainer {

    /** System property, in the container, holding the HTTP port. */
    public static final String HTTP_PORT = "shebao.it.http.port";
    /** The bureau's today inside the test container. */
    public static final String TODAY = "2026-11-15";
    /** System property, in the container too, holding the path of the district-only plugin's jar (for uploads). */
    public static final String PILOT_PLUGIN = "shebao.pilot.plugin";
    /** System property, in the container too: the scratch plugins/ reactor with a copied plugin (see the pom). */
    public static final String PLUGIN_COPY = "shebao.plugin.copy";

    private ShebaoContainer() {
    }

    public static Option[] options() {
        String archive = required("shebao.dist.archive");
        String karaf = required("karaf.version");
        String localRepo = required("maven.repo.local");
        String httpPort = Integer.toString(freePort());
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(archive).toURI().toString())
                        .name("Shebao")
                        .karafVersion(karaf)
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // keep target/exam/<run>/data/log for the post-mortem of a failed run
                keepRuntimeFolder(),
                logLevel(LogLevel.WARN),
                CoreOptions.systemTimeout(300_000),
                systemProperty(HTTP_PORT).value(httpPort),
                systemProperty(PILOT_PLUGIN).value(required(PILOT_PLUGIN)),
                systemProperty(PLUGIN_COPY).value(required(PLUGIN_COPY)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                // the exam bundles come from the build's local repository; still no remote repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                // the tests play clients behind a balancer on this machine (X-Forwarded-For)
                editConfigurationFilePut("etc/org.shebao.security.cfg", "trustedProxies", "127.0.0.1"),
                // tests poll the demo logins while the demo seeds its accounts: those 401s are no attack (the login
                // throttle is tested at its defaults by LoginThrottleIT, which sets them for its own run)
                editConfigurationFilePut("etc/org.shebao.security.cfg", "loginFailures", "100000"),
                editConfigurationFilePut("etc/org.shebao.security.cfg", "addressFailures", "100000"),
                // hundreds of test citizens are made and logged in: hashed at a lower work factor than the shipped
                // 600 000 (PasswordsIT checks the shipped one and the rehash)
                editConfigurationFilePut("etc/org.shebao.security.cfg", "passwordIterations", "10000"),
                // decide submitted tasks at once in tests
                editConfigurationFilePut("etc/org.shebao.review.cfg", "delaySeconds", "0"),
                // one fixed "today", so that months, arrears and interest are the same whenever the tests run
                editConfigurationFilePut("etc/org.shebao.clock.cfg", "today", TODAY),
                // the test business plugin (never shipped)
                CoreOptions.bundle(new File(required("shebao.test.plugin")).toURI().toString()).start()));
        options.addAll(database());
        for (String vm : vmOptions(karaf)) {
            options.add(new VMOption(vm));
        }
        return options.toArray(Option[]::new);
    }

    /** The database the suite runs on: {@code -Dshebao.db=postgresql} (a server of the run's own) or Derby. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("shebao.db"));
    }

    private static PostgresServer postgres;

    /** On PostgreSQL, a server for this run (stopped when the test JVM exits) and the datasource's lines for it. */
    private static synchronized List<Option> database() {
        if (!onPostgres()) {
            return List.of();
        }
        try {
            if (postgres == null) {
                postgres = PostgresServer.start("shebao");
                PostgresServer started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception e) {
                        System.err.println("Could not stop the test PostgreSQL: " + e);
                    }
                }));
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not start the test PostgreSQL server", e);
        }
        String cfg = "etc/org.ops4j.datasource-shebao.cfg";
        return List.of(editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(cfg, "url", postgres.url("shebao")),
                editConfigurationFilePut(cfg, "user", PostgresServer.USER),
                editConfigurationFilePut(cfg, "password", "unused-trust-authentication"));
    }

    /** The Java 9+ options that bin/karaf passes and Pax Exam does not. */
    private static List<String> vmOptions(String karaf) {
        return List.of(
                "-Xmx1g",
                "-Djdk.util.zip.disableZip64ExtraFieldValidation=true",
                "-Dfile.encoding=UTF-8",
                "-Dderby.locks.deadlockTimeout=2",
                "-Dderby.locks.waitTimeout=20",
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
