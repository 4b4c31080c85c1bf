package org.shebao.engine.internal.security;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.cluster.SecurityConfig;
import org.shebao.engine.internal.cluster.ClusterDatabase;

/**
 * Login brute force, counted in the database so that it holds across nodes ({@code SB_LOGIN_FAILURE}): so many
 * failures for one login within the window lock that login, so many from one client address block the address,
 * each for {@code lockMinutes} after the last failure; the same for logins that exist and logins that do not.
 * While locked, attempts are refused before the password is checked (no PBKDF2 for them). A success clears the
 * login's failures. Settings in {@code etc/org.shebao.security.cfg}.
 */
@Component(service = LoginThrottle.class, configurationPid = SecurityConfig.PID)
public class LoginThrottle {

    private final ClusterDatabase database;
    private final Clock clock;
    private volatile SecurityConfig config;

    @Activate
    public LoginThrottle(@Reference ClusterDatabase database, @Reference Clock clock, SecurityConfig config) {
        this.database = database;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(SecurityConfig changed) {
        this.config = changed;
    }

    /** Refused (429 with Retry-After) while the login or the address is locked. */
    public void check(String login, String address) {
        long now = clock.millis();
        long since = now - config.windowMinutes() * 60_000L;
        long lock = config.lockMinutes() * 60_000L;
        List<long[]> byLogin = failures("LOGIN", key(login), since);
        if (byLogin.get(0)[0] >= config.loginFailures() && byLogin.get(0)[1] + lock > now) {
            throw new TooManyAttempts("login-locked", Messages.text("session.login.locked", config.lockMinutes()),
                    (byLogin.get(0)[1] + lock - now + 999) / 1000);
        }
        List<long[]> byAddress = failures("ADDRESS", address(address), since);
        if (byAddress.get(0)[0] >= config.addressFailures() && byAddress.get(0)[1] + lock > now) {
            throw new TooManyAttempts("address-blocked", Messages.text("session.login.locked", config.lockMinutes()),
                    (byAddress.get(0)[1] + lock - now + 999) / 1000);
        }
    }

    public void failed(String login, String address) {
        long now = clock.millis();
        try {
            database.update("INSERT INTO SB_LOGIN_FAILURE (LOGIN, ADDRESS, HAPPENEDAT) VALUES (?, ?, ?)", key(login),
                    address(address), now);
            if (now % 64 == 0) {
                database.update("DELETE FROM SB_LOGIN_FAILURE WHERE HAPPENEDAT < ?", now - 86_400_000L);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count a failed login: " + e.getMessage(), e);
        }
    }

    public void succeeded(String login) {
        try {
            database.update("DELETE FROM SB_LOGIN_FAILURE WHERE LOGIN = ?", key(login));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear failed logins: " + e.getMessage(), e);
        }
    }

    /** {count, last failure} of the column's value since the time. */
    private List<long[]> failures(String column, String value, long since) {
        try {
            return database.query("SELECT COUNT(*), MAX(HAPPENEDAT) FROM SB_LOGIN_FAILURE WHERE " + column + " = ? AND HAPPENEDAT > ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, value, since);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count failed logins: " + e.getMessage(), e);
        }
    }

    /** Logins compared as typed, case aside, cut to the column. */
    private static String key(String login) {
        String k = login.trim().toLowerCase(Locale.ROOT);
        return k.length() > 64 ? k.substring(0, 64) : k;
    }

    private static String address(String address) {
        String a = address == null ? "" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
