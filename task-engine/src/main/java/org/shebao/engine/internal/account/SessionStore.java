package org.shebao.engine.internal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.api.account.Account;

/**
 * Login sessions: random 256-bit tokens in a cookie, their hashes in the database; a session ends after
 * {@code idleMinutes} without a request or {@code absoluteHours} after the login ({@code etc/org.shebao.session.cfg}).
 */
@Component(service = SessionStore.class, configurationPid = "org.shebao.session")
@Designate(ocd = SessionStore.Config.class)
public class SessionStore {

    @ObjectClassDefinition(name = "Shebao sessions")
    public @interface Config {
        @AttributeDefinition(description = "Minutes without a request after which a session ends")
        int idleMinutes() default 30;

        @AttributeDefinition(description = "Hours after the login after which a session ends, however busy")
        int absoluteHours() default 12;

        @AttributeDefinition(description = "Live event streams one login may hold open at once")
        int maxStreamsPerUser() default 5;

        @AttributeDefinition(description = "Session cookie always Secure (and HSTS sent): set when the platform is "
                + "reached over HTTPS only, e.g. behind a TLS-terminating load balancer")
        boolean secure() default false;
    }

    /** Last-seen times are written at most this often, to keep reads cheap. */
    private static final long TOUCH_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JpaTemplate jpa;
    private final Clock clock;
    private volatile long idleMillis;
    private volatile Config config;

    @Activate
    public SessionStore(@Reference(target = AccountServiceImpl.UNIT) JpaTemplate jpa, @Reference Clock clock,
            Config config) {
        this.jpa = jpa;
        this.clock = clock;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        this.idleMillis = config.idleMinutes() * 60_000L;
        this.config = config;
    }

    public int maxStreamsPerUser() {
        return config.maxStreamsPerUser();
    }

    /** Whether cookies are Secure whatever the connection looks like. */
    public boolean alwaysSecure() {
        return config.secure();
    }

    private boolean expired(SessionEntity session, long now) {
        return now - session.lastSeenAt() > idleMillis || now - session.createdAt() > config.absoluteHours() * 3_600_000L;
    }

    /** Opens a session for the account and answers the token for the cookie. */
    public String open(Account account) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = clock.millis();
        jpa.tx(em -> em.persist(new SessionEntity(digest(token), account.login(), now)));
        return token;
    }

    /** The live session of a token, with its enabled account, in one read; touches it so that it stays alive. */
    public Optional<LiveSession> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        return jpa.txExpr(em -> {
            List<Object[]> rows = em.createQuery("SELECT s, a FROM SessionEntity s, AccountEntity a"
                    + " WHERE s.tokenHash = :h AND a.login = s.login AND a.enabled = TRUE", Object[].class)
                    .setParameter("h", digest(token)).getResultList();
            if (rows.isEmpty()) {
                return Optional.<LiveSession>empty();
            }
            SessionEntity session = (SessionEntity) rows.get(0)[0];
            if (expired(session, now)) {
                em.remove(session);
                return Optional.<LiveSession>empty();
            }
            if (now - session.lastSeenAt() > TOUCH_MILLIS) {
                session.seen(now);
            }
            AccountEntity account = (AccountEntity) rows.get(0)[1];
            return Optional.of(new LiveSession(account.toAccount(), account.mustChangePassword()));
        });
    }

    public void close(String token) {
        if (token != null && !token.isBlank()) {
            jpa.tx(em -> {
                SessionEntity session = em.find(SessionEntity.class, digest(token));
                if (session != null) {
                    em.remove(session);
                }
            });
        }
    }

    /** Ends every session of the login but the one given (after a password change); answers how many ended. */
    public int endOthers(String login, String keepToken) {
        return jpa.txExpr(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.login = :l AND s.tokenHash <> :keep")
                .setParameter("l", login).setParameter("keep", key(keepToken)).executeUpdate());
    }

    /** Ends every session of the login (account disabled, password reset); answers how many ended. */
    public int endAll(String login) {
        return jpa.txExpr(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.login = :l")
                .setParameter("l", login).executeUpdate());
    }

    /** Of the sessions given by their keys ({@link #key}), those still alive. */
    public Set<String> alive(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        long now = clock.millis();
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.tokenHash IN :keys", SessionEntity.class)
                .setParameter("keys", List.copyOf(keys)).getResultList().stream().filter(s -> !expired(s, now))
                .map(SessionEntity::tokenHash).collect(Collectors.toSet()));
    }

    /** Deletes the sessions that have ended (idle or past their lifetime); answers how many. */
    public int purge() {
        long now = clock.millis();
        return jpa.txExpr(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.lastSeenAt < :idle OR s.createdAt < :born")
                .setParameter("idle", now - idleMillis).setParameter("born", now - config.absoluteHours() * 3_600_000L)
                .executeUpdate());
    }

    /** The key a session is known by in the database and to the event streams: the SHA-256 of its token. */
    public static String key(String token) {
        return digest(token == null ? "" : token);
    }

    private static String digest(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
