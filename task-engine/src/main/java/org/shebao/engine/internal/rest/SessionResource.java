package org.shebao.engine.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.account.AccountServiceImpl;
import org.shebao.engine.internal.account.SessionStore;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.cluster.ClientAddresses;
import org.shebao.engine.internal.http.Hardening;
import org.shebao.engine.internal.security.LoginThrottle;
import org.shebao.engine.internal.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;

/** Login, logout and "who am I" ({@code /api/session}, {@code /api/me}). */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    /** Login body: citizens send {@code idNumber}, staff {@code idNumber} or {@code username}. */
    public record Login(String idNumber, String username, String password) {
    }

    /** The caller as the console shows it; {@code mustChangePassword} while a temporary password is held. */
    public record Me(String idNumber, String name, String district, String districtName, Set<Role> roles,
            boolean mustChangePassword) {
    }

    private final AccountServiceImpl accounts;
    private final SessionStore sessions;
    private final Districts districts;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final AuditLog audit;
    private final EventHub hub;
    private final Metrics metrics;

    @Context
    private HttpHeaders headers;

    @Activate
    public SessionResource(@Reference AccountServiceImpl accounts, @Reference SessionStore sessions,
            @Reference Districts districts, @Reference LoginThrottle throttle, @Reference ClientAddresses addresses,
            @Reference AuditLog audit, @Reference EventHub hub, @Reference Metrics metrics) {
        this.metrics = metrics;
        this.hub = hub;
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
        this.accounts = accounts;
        this.sessions = sessions;
        this.districts = districts;
    }

    private Me me(Account account, boolean mustChangePassword) {
        String district = account.district();
        return new Me(account.login(), account.displayName(), district,
                district == null ? null : districts.name(district).in(Languages.of(headers)), account.roles(),
                mustChangePassword);
    }

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Login login, @Context SecurityContext security, @Context HttpServletRequest http) {
        String who = login == null ? null : login.idNumber() != null ? login.idNumber() : login.username();
        String password = login == null ? null : login.password();
        List<FieldError> missing = new ArrayList<>();
        if (who == null || who.isBlank()) {
            missing.add(new FieldError("idNumber", Messages.text("account.field.required")));
        }
        if (password == null || password.isEmpty()) {
            missing.add(new FieldError("password", Messages.text("account.field.required")));
        }
        if (!missing.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "invalid-login", Messages.text("session.login.failed"), missing);
        }
        String address = addresses.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
        try {
            throttle.check(who, address);
        } catch (ShebaoException locked) {
            audit.record(who, "LOGIN_REFUSED", who, null, address, locked.code());
            logins("refused");
            throw locked;
        }
        Account account = accounts.authenticate(who, password.toCharArray()).orElse(null);
        if (account == null) {
            throttle.failed(who, address);
            audit.record(who, "LOGIN_FAILED", who, null, address, null);
            logins("failed");
            LOG.info("Login failed for {} from {}", who.length() > 64 ? who.substring(0, 64) : who, address);
            throw new ShebaoException(Kind.UNAUTHENTICATED, "login-failed", Messages.text("session.login.failed"));
        }
        throttle.succeeded(who);
        audit.record(account.login(), "LOGIN", account.login(), account.district(), address, null);
        logins("succeeded");
        String token = sessions.open(account);
        accounts.useLanguage(account.login(), Languages.of(headers));
        boolean temporary = accounts.mustChangePassword(account.login());
        return Response.ok(me(account, temporary)).header("Set-Cookie", cookie(token, secure(http, security), -1)).build();
    }

    private void logins(String outcome) {
        Counter.builder("shebao.logins").description("Login attempts by outcome").tag("outcome", outcome)
                .register(metrics.registry()).increment();
    }

    /** Logout: the session ends here and on every node; its live event streams close now. */
    @DELETE
    @Path("session")
    public Response logout(@CookieParam(AuthFilter.COOKIE) String token, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        sessions.close(token);
        hub.closeSession(SessionStore.key(token));
        return Response.noContent().header("Set-Cookie", cookie("", secure(http, security), 0)).build();
    }

    private static boolean secure(HttpServletRequest http, SecurityContext security) {
        return security.isSecure() || Boolean.TRUE.equals(http.getAttribute(Hardening.HTTPS));
    }

    @GET
    @Path("me")
    public Me me(@Context SecurityContext security, @Context HttpServletRequest http) {
        Account caller = Callers.require(security);
        accounts.useLanguage(caller.login(), Languages.of(headers)); // the console asks again when the language changes
        return me(caller, Boolean.TRUE.equals(http.getAttribute(AuthFilter.MUST_CHANGE)));
    }

    private static String cookie(String token, boolean secure, int maxAge) {
        return AuthFilter.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "") + (secure ? "; Secure" : "");
    }
}
