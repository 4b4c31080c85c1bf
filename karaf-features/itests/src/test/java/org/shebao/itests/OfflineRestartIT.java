package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.Test;

/**
 * The shipped distribution, started as an operator starts it, with no network at all (a namespace with
 * loopback only) and no local Maven repository: it boots, answers, and after a restart of the JVM on the
 * same data folder (Derby on disk) still has what it wrote. It runs in January 2027, a year with no rates row
 * shipped: the demo's January lines are provisional at 2026's rates; the year's row dropped into {@code etc/} while
 * the platform is down is found at start-up and re-rates them.
 */
public class OfflineRestartIT {

    @Test
    public void bootsOfflineAndKeepsItsDataAcrossARestart() throws Exception {
        Assume.assumeTrue("needs root and iproute2 for a network namespace", KarafProcess.supported());
        try (KarafProcess karaf = KarafProcess.fresh("offline-restart")) {
            String routes = karaf.inNamespace("ip", "route", "show");
            assertTrue("the namespace has no route out: " + routes, routes.isBlank());

            karaf.set("org.shebao.clock.cfg", "today", "2027-01-05");
            karaf.start();
            double firstBoot = karaf.awaitHealthy(180);
            Path jar = karaf.home().resolve("cookies.txt");
            String credentials = "{\"idNumber\":\"420102199003150117\",\"password\":\"Shebao#2026\"}";
            // the demo feature seeds its accounts while the platform is already answering
            Waits.until("the demo citizen can log in", 60,
                    () -> karaf.http("POST", "/api/session", credentials, jar).status() == 200);
            KarafProcess.Answer login = karaf.http("POST", "/api/session", credentials, jar);
            assertEquals(login.body(), 200, login.status());
            assertTrue(login.body().contains("张伟"));
            assertEquals(200, karaf.http("GET", "/api/me", null, jar).status());
            assertTrue("nothing was fetched into a local Maven repository", emptyOrAbsent(karaf.home().resolve("data/maven-local")));
            assertFalse("no ~/.m2 was read or created", Files.exists(karaf.home().resolve("empty-user-home/.m2/repository")));
            Path liNa = karaf.home().resolve("li-na.txt");
            String liNaCredentials = "{\"idNumber\":\"" + LI_NA + "\",\"password\":\"Shebao#2026\"}";
            Waits.until("李娜 logs in", 60, () -> karaf.http("POST", "/api/session", liNaCredentials, liNa).status() == 200);
            String tier = "{\"data\":{\"tier\":\"100\"}}";
            // her records are seeded once the rates are there: her current monthly amount then shows
            Waits.until("李娜's records", 60, () -> karaf.http("POST", "/api/business-types/tier-change/assessment", tier, liNa)
                    .body().contains("currentMonthly"));
            KarafProcess.Answer provisional = karaf.http("POST", "/api/business-types/tier-change/assessment", tier, liNa);
            assertTrue(provisional.body(), provisional.body().contains("\"provisional\":true")
                    && provisional.body().contains("\"ratesYear\":2026"));

            assertTrue("the first boot applies the engine's changelog", log(karaf).contains("Engine schema migrated"));
            // bin/setenv's JIT settings: C2 for the cryptography only (etc/jit-directives.json), read by the server's JVM
            assertTrue("the server's JVM read the compiler directives",
                    Files.readString(karaf.home().resolve("console.log")).contains("2 compiler directives added"));
            karaf.stop();
            assertEquals("2026", january(karaf.home().resolve("data/derby/shebao"))[1]);
            // the bureau's notice for 2027, dropped into etc/ while the platform is down
            karaf.configure("org.shebao.rates-420100-2027.cfg", String.join("\n", "district = 420100", "year = 2027",
                    "pension.averageWage = 7000", "pension.creditingRate = 0.0262", "medical.base = 7000", ""));
            karaf.start();
            double restart = karaf.awaitHealthy(180);
            // the changelogs' texts were applied in full before: no Liquibase run at the restart
            assertTrue(log(karaf).contains("Engine schema unchanged since applied"));
            Waits.until("the problem-report plugin's schema, unchanged", 60, () -> java.util.regex.Pattern
                    .compile("Schema problem-report of bundle \\S+ \\S+ unchanged since applied").matcher(log(karaf)).find());
            KarafProcess.Answer published = karaf.http("POST", "/api/business-types/tier-change/assessment", tier, liNa);
            assertTrue(published.body(), published.body().contains("\"provisional\":false")
                    && published.body().contains("\"newMonthly\":\"1400.00\""));
            Waits.until("the re-rating at start-up", 60, () -> log(karaf).contains("Re-rating:"));
            KarafProcess.Answer me = karaf.http("GET", "/api/me", null, jar);
            assertEquals("the session written before the restart is still in Derby: " + me.body(), 200, me.status());
            assertTrue(me.body().contains("420102199003150117"));
            karaf.stop();
            // 李娜's January line, computed at 2026's rates, now at 2027's: re-rated once, found at start-up
            String[] january = january(karaf.home().resolve("data/derby/shebao"));
            assertEquals("840.00", january[0]);
            assertEquals("2027", january[1]);
            assertEquals(null, january[2]);
            System.out.printf("Offline boot to first /api/health 200: %.1f s; restart: %.1f s%n", firstBoot, restart);
        }
    }

    private static final String LI_NA = "420106198507220220";

    private static String log(KarafProcess karaf) {
        try {
            return Files.readString(karaf.home().resolve("data/log/karaf.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** 李娜's January 2027 pension line: amount, rates year, provisional-for year (null once re-rated). */
    private static String[] january(Path database) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + database);
                java.sql.PreparedStatement s = c.prepareStatement("SELECT AMOUNT, RATESYEAR, PROVISIONALFOR FROM SB_LEDGER"
                        + " WHERE IDNUMBER = ? AND INSURANCETYPE = '110' AND CONTRIBUTIONMONTH = 202701 AND KIND = 'REGULAR'")) {
            s.setString(1, LI_NA);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                assertTrue("李娜 has a January 2027 line", rs.next());
                return new String[] {rs.getBigDecimal(1).toPlainString(), String.valueOf(rs.getInt(2)), rs.getString(3)};
            }
        } finally {
            try {
                java.sql.DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true");
            } catch (java.sql.SQLException expected) {
                // Derby answers a shutdown with an exception
            }
        }
    }

    private static boolean emptyOrAbsent(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.noneMatch(Files::isRegularFile);
        }
    }
}
