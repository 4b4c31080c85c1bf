package org.shebao.engine.internal.rest;

import java.security.Principal;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.account.LiveSession;
import org.shebao.engine.internal.account.SessionStore;

/**
 * Resolves the session cookie of every request of the platform application into the JAX-RS
 * {@link SecurityContext}: its principal is the {@link Account}, its roles the account's {@link Role} names.
 * It refuses one thing itself: while the account holds a temporary password, every call but reading oneself, the
 * password change and logging in or out answers 403 {@code password-change-required}. Resources say the rest.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("shebao-auth")
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
public class AuthFilter implements ContainerRequestFilter {

    public static final String COOKIE = "SHEBAO_SESSION";
    /** Request attribute: TRUE when the caller's account must change its temporary password first. */
    public static final String MUST_CHANGE = "shebao.mustChangePassword";
    private static final Set<String> WHILE_TEMPORARY = Set.of("me", "me/password", "session");

    private final SessionStore sessions;

    @Activate
    public AuthFilter(@Reference SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie == null) {
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        LiveSession session = sessions.resolve(cookie.getValue()).orElse(null);
        if (session == null) {
            return;
        }
        if (session.mustChangePassword()) {
            String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
            if (!WHILE_TEMPORARY.contains(path)) {
                throw new ShebaoException(Kind.FORBIDDEN, "password-change-required",
                        Messages.text("account.password.changeRequired"));
            }
            request.setProperty(MUST_CHANGE, Boolean.TRUE);
        }
        Account account = session.account();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return account;
            }

            @Override
            public boolean isUserInRole(String role) {
                return account.roles().stream().anyMatch(r -> r.name().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "SESSION";
            }
        });
    }
}
