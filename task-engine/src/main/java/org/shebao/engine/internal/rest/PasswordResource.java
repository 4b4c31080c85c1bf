package org.shebao.engine.internal.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
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
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.account.AccountServiceImpl;
import org.shebao.engine.internal.account.SessionStore;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.cluster.ClientAddresses;
import org.shebao.engine.internal.security.LoginThrottle;

/**
 * {@code PUT /api/me/password} {@code {current, password}}: the caller's new password; every other session of the
 * account ends (and its live streams close). A wrong current password counts as a failed login (a stolen session
 * cannot try passwords faster than the login form).
 */
@Component(service = PasswordResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("me/password")
public class PasswordResource {

    /** The body. */
    public record Change(String current, String password) {
    }

    private final AccountServiceImpl accounts;
    private final SessionStore sessions;
    private final EventHub hub;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final AuditLog audit;

    @Context
    private SecurityContext security;

    @Activate
    public PasswordResource(@Reference AccountServiceImpl accounts, @Reference SessionStore sessions,
            @Reference EventHub hub, @Reference LoginThrottle throttle, @Reference ClientAddresses addresses,
            @Reference AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hub = hub;
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(Change change, @CookieParam(AuthFilter.COOKIE) String token, @Context HttpServletRequest http) {
        Account caller = Callers.require(security);
        String address = addresses.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
        throttle.check(caller.login(), address);
        char[] current = change == null || change.current() == null ? null : change.current().toCharArray();
        char[] password = change == null || change.password() == null ? null : change.password().toCharArray();
        if (!accounts.changePassword(caller.login(), current, password)) {
            throttle.failed(caller.login(), address);
            audit.record(caller.login(), "PASSWORD_CHANGE_FAILED", caller.login(), caller.district(), address, null);
            throw new ShebaoException(Kind.BAD_INPUT, "wrong-password", Messages.text("account.password.wrongCurrent"),
                    List.of(new FieldError("current", Messages.text("account.password.wrongCurrent"))));
        }
        int ended = sessions.endOthers(caller.login(), token);
        hub.closeOthers(caller.login(), SessionStore.key(token));
        audit.record(caller.login(), "PASSWORD_CHANGED", caller.login(), caller.district(), address, ended + " other sessions ended");
        return Response.noContent().build();
    }
}
