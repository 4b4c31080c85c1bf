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
 * same data folder (Derby on disk) still has what it wrote.
 */
public class OfflineRestartIT {

    @Test
    public void bootsOfflineAndKeepsItsDataAcrossARestart() throws Exception {
        Assume.assumeTrue("needs root and iproute2 for a network namespace", KarafProcess.supported());
        try (KarafProcess karaf = KarafProcess.fresh("offline-restart")) {
            String routes = karaf.inNamespace("ip", "route", "show");
            assertTrue("the namespace has no route out: " + routes, routes.isBlank());

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

            karaf.stop();
            karaf.start();
            double restart = karaf.awaitHealthy(180);
            KarafProcess.Answer me = karaf.http("GET", "/api/me", null, jar);
            assertEquals("the session written before the restart is still in Derby: " + me.body(), 200, me.status());
            assertTrue(me.body().contains("420102199003150117"));
            karaf.stop();
            System.out.printf("Offline boot to first /api/health 200: %.1f s; restart: %.1f s%n", firstBoot, restart);
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
