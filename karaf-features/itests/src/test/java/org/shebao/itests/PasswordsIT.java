package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;

/**
 * Passwords are PBKDF2-HMAC-SHA256 at OWASP's 600 000 iterations as shipped; a hash made at a lower work factor is
 * made again at the current one when its owner next logs in with the right password (a wrong one changes nothing).
 * A new password keeps the rules (10 characters, not the login, not common); changing it ends the other sessions.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PasswordsIT extends ContainerTest {

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource database;

    @Test
    public void anOldHashIsMadeAgainAtTheShippedWorkFactorAtTheNextLogin() throws Exception {
        Http citizen = citizen("420102");
        String login = citizen.me();
        assertTrue(hash(login), hash(login).startsWith("pbkdf2-sha256$10000$")); // the suite's lower factor

        Configuration config = configurations.getConfiguration("org.shebao.security", null);
        Dictionary<String, Object> props = config.getProperties();
        Object suite = props.get("passwordIterations");
        props.remove("passwordIterations"); // the shipped default
        config.update(props);
        try {
            Thread.sleep(1000);
            Http.Answer wrong = new Http(port).post("/api/session", Map.of("idNumber", login, "password", "not-the-password"));
            assertEquals(401, wrong.status());
            assertTrue("a wrong password rehashes nothing", hash(login).startsWith("pbkdf2-sha256$10000$"));

            new Http(port).login(login, Citizens.PASSWORD);
            String stronger = hash(login);
            assertTrue(stronger, stronger.startsWith("pbkdf2-sha256$600000$"));
            new Http(port).login(login, Citizens.PASSWORD);
            assertEquals("made once", stronger, hash(login));
        } finally {
            Dictionary<String, Object> back = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
            back.put("passwordIterations", suite);
            config.update(back);
        }
    }

    @Test
    public void aPasswordChangeKeepsTheRulesAndEndsTheOtherSessions() {
        Http here = citizen("420102");
        String login = here.me();
        Http there = new Http(port);
        there.login(login, Citizens.PASSWORD);
        AtomicInteger connected = new AtomicInteger();
        CompletableFuture<Void> stream = there.events(line -> line.contains("connected") ? connected.incrementAndGet() > 0 : true);
        Waits.until("the other session's stream", 20, () -> connected.get() == 1);
        String fresh = "长江大桥1957年通车";

        Http.Answer wrong = here.put("/api/me/password", Map.of("current", "not-the-password", "password", fresh));
        assertEquals(wrong.body(), 400, wrong.status());
        assertEquals("current", wrong.json().path("errors").get(0).path("field").asText());
        for (String weak : new String[] {"short#1", "qwertyuiop", "Password123", login + "x"}) {
            Http.Answer refused = here.put("/api/me/password", Map.of("current", Citizens.PASSWORD, "password", weak));
            assertEquals(weak, 400, refused.status());
            assertEquals(weak, "password", refused.json().path("errors").get(0).path("field").asText());
        }
        assertEquals("nothing changed yet", 200, there.get("/api/me").status());

        assertEquals(204, here.put("/api/me/password", Map.of("current", Citizens.PASSWORD, "password", fresh)).status());
        assertEquals("this session goes on", 200, here.get("/api/me").status());
        assertEquals("the other ended", 401, there.get("/api/me").status());
        Waits.until("the other session's stream closed", 10, stream::isDone);
        assertEquals(401, new Http(port).post("/api/session", Map.of("idNumber", login, "password", Citizens.PASSWORD)).status());
        new Http(port).login(login, fresh);
    }

    private String hash(String login) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT PASSWORDHASH FROM SB_ACCOUNT WHERE LOGIN = ?")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
