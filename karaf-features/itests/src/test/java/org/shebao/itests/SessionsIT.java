package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;

/**
 * Sessions end, and their live event streams with them: at logout at once, at idle expiry within a heartbeat, after
 * the absolute lifetime however busy; a login holds at most five streams (a sixth closes the oldest); ended sessions are purged; the cookie is
 * Secure when the browser came over HTTPS.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SessionsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);

    @Inject
    Clock clock;

    @Test
    public void aLoginHoldsAtMostFiveStreamsTheOldestGivesWayAndLogoutClosesThem() {
        Http citizen = citizen("420102");
        AtomicInteger connected = new AtomicInteger();
        List<CompletableFuture<Void>> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(citizen.events(line -> line.contains("connected") ? connected.incrementAndGet() > 0 : true));
        }
        Waits.until("five streams open", 20, () -> connected.get() == 5);
        streams.add(citizen.events(line -> line.contains("connected") ? connected.incrementAndGet() > 0 : true));
        Waits.until("a sixth stream open", 20, () -> connected.get() == 6);
        // the five were opened at once: which the server saw first is its own
        Waits.until("one of the first five closed for it", 10, () -> streams.subList(0, 5).stream().anyMatch(CompletableFuture::isDone));
        assertFalse("the new one stays", streams.get(5).isDone());
        assertEquals("five open", 5, streams.stream().filter(f -> !f.isDone()).count());

        Http other = citizen("420102");
        AtomicInteger otherConnected = new AtomicInteger();
        CompletableFuture<Void> otherStream = other.events(line -> line.contains("connected") ? otherConnected.incrementAndGet() > 0 : true);
        Waits.until("another citizen's stream", 20, () -> otherConnected.get() == 1);

        assertEquals(204, citizen.delete("/api/session").status());
        Waits.until("the logged-out session's streams closed", 10, () -> streams.stream().allMatch(CompletableFuture::isDone));
        assertFalse("another session's stream stays", otherStream.isDone());
        assertEquals(401, citizen.eventsStatus());
        other.delete("/api/session");
    }

    @Test
    public void anExpiredSessionsStreamClosesAndEndedSessionsArePurged() throws Exception {
        try {
            pin(LocalTime.of(10, 0));
            Http watching = citizen("420102");
            Http idle = citizen("420102");
            AtomicInteger connected = new AtomicInteger();
            CompletableFuture<Void> stream = watching.events(line -> line.contains("connected") ? connected.incrementAndGet() > 0 : true);
            Waits.until("stream open", 20, () -> connected.get() == 1);

            pin(LocalTime.of(10, 31));
            Waits.until("the expired session's stream closed by the heartbeat", 45, stream::isDone);
            String purged = shell("shebao:sessions-purge");
            assertTrue(purged, purged.matches("(?s).*purged [1-9][0-9]* ended sessions.*"));
            assertEquals(401, watching.get("/api/me").status());
            assertEquals(401, idle.get("/api/me").status());
        } finally {
            PinnedClock.at(configurations, clock, TODAY).close();
        }
    }

    @Test
    public void aSessionEndsAfterItsLifetimeHoweverBusy() throws Exception {
        Configuration config = configurations.getConfiguration("org.shebao.session", null);
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put("absoluteHours", "1");
        config.update(props);
        try {
            pin(LocalTime.of(10, 0));
            Http citizen = citizen("420102");
            pin(LocalTime.of(10, 25));
            assertEquals(200, citizen.get("/api/me").status());
            pin(LocalTime.of(10, 50));
            assertEquals(200, citizen.get("/api/me").status());
            pin(LocalTime.of(11, 5));
            assertEquals("an hour after the login, though idle for 15 minutes only", 401, citizen.get("/api/me").status());
        } finally {
            props.put("absoluteHours", "12");
            config.update(props);
            PinnedClock.at(configurations, clock, TODAY).close();
        }
    }

    @Test
    public void theCookieIsSecureWhenTheBrowserCameOverHttps() {
        Http.Answer plain = new Http(port).login("jiangan-reviewer", "Shebao#2026");
        assertFalse(plain.header("Set-Cookie").orElseThrow().contains("Secure"));
        Http https = new Http(port).header("X-Forwarded-Proto", "https");
        Http.Answer secure = https.login("jiangan-reviewer", "Shebao#2026");
        assertTrue(secure.header("Set-Cookie").orElseThrow(), secure.header("Set-Cookie").orElseThrow().contains("; Secure"));
        assertTrue(secure.header("Strict-Transport-Security").isPresent());
        Http.Answer logout = https.delete("/api/session");
        assertTrue(logout.header("Set-Cookie").orElseThrow().contains("; Secure"));
    }

    private void pin(LocalTime time) throws IOException {
        PinnedClock.at(configurations, clock, LocalDateTime.of(TODAY, time));
    }
}
