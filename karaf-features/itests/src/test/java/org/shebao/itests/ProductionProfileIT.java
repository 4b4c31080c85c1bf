package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Assume;
import org.junit.Test;

/**
 * The production profile as the README tells an operator to apply it: {@code bin/shebao-production} on a fresh
 * distribution, started without network. No demo account or record exists, SSH listens on the loopback interface
 * only, unsigned uploads are refused, and the first administrator comes from {@code shebao:account-add} over
 * {@code bin/client}, with a temporary password its first login must change.
 */
public class ProductionProfileIT {

    @Test
    public void aProductionInstallationHasNoDemoAndGetsItsFirstAdministratorFromTheShell() throws Exception {
        Assume.assumeTrue("needs root and iproute2 for a network namespace", KarafProcess.supported());
        try (KarafProcess karaf = KarafProcess.fresh("production")) {
            Path home = karaf.home();
            Path cert = Files.writeString(home.resolve("bureau-signing.pem"), new String(
                    getClass().getResourceAsStream("/signing/other.pem").readAllBytes(), StandardCharsets.UTF_8));
            Process apply = new ProcessBuilder("sh", "bin/shebao-production", "--trust", cert.toString())
                    .directory(home.toFile()).redirectErrorStream(true).start();
            String applied = new String(apply.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(applied, 0, apply.waitFor());
            Matcher shellLogin = Pattern.compile("operator / (\\S+)").matcher(applied);
            assertTrue(applied, shellLogin.find());
            String features = Files.readString(home.resolve("etc/org.apache.karaf.features.cfg"));
            assertFalse(features.contains("shebao-demo"));
            assertTrue(features.contains("shebao-core"));
            String plugins = Files.readString(home.resolve("etc/org.shebao.plugins.cfg"));
            assertTrue(plugins, plugins.contains("allowUnsigned = false") && plugins.contains("trustedCertificates = bureau-signing.pem"));

            // the log as JSON lines, switched on in etc/ as the README says
            karaf.set("org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.layout.type", "JsonTemplateLayout");
            karaf.set("org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.layout.eventTemplateUri", "classpath:EcsLayout.json");
            karaf.start();
            karaf.awaitHealthy(180);
            String listening = karaf.inNamespace("ss", "-ltnH");
            assertTrue(listening, listening.matches("(?s).*127\\.0\\.0\\.1]?:8101 .*"));
            assertFalse(listening, listening.matches("(?s).*(0\\.0\\.0\\.0|\\*|\\[::\\]):8101.*"));
            KarafProcess.Answer noDemo = karaf.http("POST", "/api/session",
                    "{\"idNumber\":\"admin\",\"password\":\"Shebao#2026\"}", null, "X-Request-Id: it-production-1");
            assertEquals("no demo administrator", 401, noDemo.status());
            Waits.until("the failed login's log line, as JSON with its request id", 10, () -> log(home).stream()
                    .anyMatch(line -> line.startsWith("{") && line.contains("\"requestId\":\"it-production-1\"")
                            && line.contains("Login failed for admin")));
            assertEquals("no demo citizen", 401, karaf.http("POST", "/api/session",
                    "{\"idNumber\":\"420102199003150117\",\"password\":\"Shebao#2026\"}", null).status());

            String made = shell(karaf, shellLogin.group(1), "shebao:account-add --role ADMIN --name Administrator admin");
            Matcher temporary = Pattern.compile("shown once[^:]*: (\\S+)").matcher(made);
            assertTrue(made, temporary.find());
            Path jar = home.resolve("admin-cookies.txt");
            KarafProcess.Answer login = karaf.http("POST", "/api/session",
                    "{\"username\":\"admin\",\"password\":\"" + temporary.group(1) + "\"}", jar);
            assertEquals(login.body(), 200, login.status());
            assertTrue(login.body(), login.body().contains("\"mustChangePassword\":true"));
            assertEquals(403, karaf.http("GET", "/api/admin/plugins", null, jar).status());
            assertEquals(204, karaf.http("PUT", "/api/me/password", "{\"current\":\"" + temporary.group(1)
                    + "\",\"password\":\"Wuhan-Shebao-Ops-2026!\"}", jar).status());
            KarafProcess.Answer listed = karaf.http("GET", "/api/admin/plugins", null, jar);
            assertEquals(listed.body(), 200, listed.status());
            assertTrue(listed.body().contains("arrears-payment"));
            assertTrue(karaf.http("GET", "/api/admin/audit?action=ACCOUNT_CREATED", null, jar).body().contains("\"actor\":\"shell\""));

            // an online backup while it serves, restored into another fresh distribution
            Path backup = home.resolve("backup");
            String backedUp = shell(karaf, shellLogin.group(1), "shebao:backup " + backup);
            assertTrue(backedUp, backedUp.contains("Backed up to " + backup.resolve("shebao")));
            assertTrue(shell(karaf, shellLogin.group(1), "shebao:backup " + backup).contains("exists already"));
            karaf.stop();
            restore(backup.resolve("shebao"));
        }
    }

    private static java.util.List<String> log(Path home) {
        try {
            return Files.readAllLines(home.resolve("data/log/karaf.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A shell command as the README has the operator run it: on bin/client's input, in batch mode. */
    private static String shell(KarafProcess karaf, String password, String command) throws Exception {
        return karaf.inNamespace("sh", "-c", "echo \"$0\" | \"$2\" -u operator -p \"$1\" -r 30 -b", command, password,
                karaf.home().resolve("bin/client").toString());
    }

    /** The README's restore: a fresh distribution, the profile, the backup as its database; the administrator is back. */
    private void restore(Path copy) throws Exception {
        try (KarafProcess restored = KarafProcess.fresh("production-restored")) {
            Process apply = new ProcessBuilder("sh", "bin/shebao-production").directory(restored.home().toFile()).start();
            apply.getInputStream().readAllBytes();
            assertEquals(0, apply.waitFor());
            Path database = Files.createDirectories(restored.home().resolve("data/derby")).resolve("shebao");
            assertEquals(0, new ProcessBuilder("cp", "-a", copy.toString(), database.toString()).start().waitFor());
            restored.start();
            restored.awaitHealthy(180);
            Waits.until("the restored administrator logs in", 60, () -> restored.http("POST", "/api/session",
                    "{\"username\":\"admin\",\"password\":\"Wuhan-Shebao-Ops-2026!\"}", null).status() == 200);
            restored.stop();
        }
    }
}
