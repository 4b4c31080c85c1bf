package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * Login brute force: five wrong passwords lock a login (the right one then answers 429 with Retry-After too), the
 * same for a login that does not exist; thirty failures from one client address block that address for every
 * login; other addresses and logins go on; every attempt is in the audit. Counted in the database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LoginThrottleIT extends ContainerTest {

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource database;

    @Test
    public void fiveFailuresLockALoginAndThirtyBlockAnAddress() throws Exception {
        org.osgi.service.cm.Configuration security = configurations.getConfiguration("org.shebao.security", null);
        java.util.Dictionary<String, Object> before = security.getProperties();
        java.util.Hashtable<String, Object> defaults = new java.util.Hashtable<>();
        defaults.put("trustedProxies", "127.0.0.1"); // the shipped limits (5 and 30), this test as a balanced client
        security.update(defaults);
        try {
            Thread.sleep(1000);
            attack();
        } finally {
            security.update(before);
        }
    }

    private void attack() throws Exception {
        String id = Citizens.idNumber("420102", 901);
        accounts.saveCitizen(id, "测试锁定", "420102", Citizens.PASSWORD.toCharArray());
        Http attacker = new Http(port).forwardedFor("198.51.100.7");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(attacker, id, "wrong-password-" + i).status());
        }
        Http.Answer locked = login(attacker, id, Citizens.PASSWORD);
        assertEquals(locked.body(), 429, locked.status());
        assertTrue(locked.body(), locked.body().contains("login-locked") && locked.body().contains("15 分钟"));
        long retry = Long.parseLong(locked.header("Retry-After").orElseThrow());
        assertTrue("about 15 minutes: " + retry, retry > 14 * 60 && retry <= 15 * 60);
        assertEquals("the owner from elsewhere is locked out too", 429,
                login(new Http(port).forwardedFor("192.0.2.1"), id, Citizens.PASSWORD).status());

        String nobody = Citizens.idNumber("420102", 902);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(attacker, nobody, "x-" + i).status());
        }
        assertEquals("an unknown login locks alike", 429, login(attacker, nobody, "x").status());

        // thirty failures from one address (over several logins) block it for every login
        for (int i = 0; i < 20; i++) {
            assertEquals(401, login(attacker, Citizens.idNumber("420103", 910 + i), "y").status());
        }
        String other = Citizens.idNumber("420102", 903);
        accounts.saveCitizen(other, "测试其他", "420102", Citizens.PASSWORD.toCharArray());
        Http.Answer blocked = login(attacker, other, Citizens.PASSWORD);
        assertEquals(blocked.body(), 429, blocked.status());
        assertTrue(blocked.body().contains("address-blocked"));
        assertEquals("another address logs in", 200, login(new Http(port).forwardedFor("192.0.2.2"), other,
                Citizens.PASSWORD).status());
        assertEquals("X-Forwarded-For from an untrusted peer is not believed: this test's own address is free", 200,
                login(new Http(port), other, Citizens.PASSWORD).status());

        try (var c = database.getConnection(); var s = c.prepareStatement("SELECT ACTION, COUNT(*) FROM SB_AUDIT"
                + " WHERE ADDRESS = ? GROUP BY ACTION ORDER BY ACTION")) {
            s.setString(1, "198.51.100.7");
            StringBuilder actions = new StringBuilder();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.append(rs.getString(1)).append('=').append(rs.getInt(2)).append(' ');
                }
            }
            assertEquals("every attempt audited", "LOGIN_FAILED=30 LOGIN_REFUSED=3 ", actions.toString());
        }
    }

    private static Http.Answer login(Http http, String login, String password) {
        return http.post("/api/session", Map.of("idNumber", login, "password", password));
    }
}
