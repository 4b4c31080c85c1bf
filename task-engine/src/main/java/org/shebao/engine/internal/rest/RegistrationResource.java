package org.shebao.engine.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.account.Registration;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.cluster.ClientAddresses;
import org.shebao.engine.internal.security.LoginThrottle;

/**
 * {@code POST /api/accounts} {@code {idNumber, name, mobile, password}}: a citizen opens their own account against the
 * records. Attempts that do not match count as failed logins of that ID number and address (the same throttle), so
 * that the form cannot be used to try names and mobiles at speed; every attempt is audited.
 */
@Component(service = RegistrationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    /** The answer: the new account's login and name. */
    public record Registered(String idNumber, String name, String district) {
    }

    private final Registration registration;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final AuditLog audit;

    @Activate
    public RegistrationResource(@Reference Registration registration, @Reference LoginThrottle throttle,
            @Reference ClientAddresses addresses, @Reference AuditLog audit) {
        this.registration = registration;
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Registration.Request request, @Context HttpServletRequest http) {
        var missing = Registration.missing(request);
        if (!missing.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "invalid-account", Messages.text("account.register.missing"), missing);
        }
        String who = request.idNumber().trim();
        String address = addresses.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
        throttle.check(who, address);
        if (!registration.matches(request)) {
            throttle.failed(who, address);
            audit.record(who, "REGISTRATION_REFUSED", who, null, address, null);
            throw Registration.refused();
        }
        Account account = registration.open(request);
        audit.record(account.login(), "REGISTERED", account.login(), account.district(), address, null);
        return Response.status(Response.Status.CREATED)
                .entity(new Registered(account.login(), account.displayName(), account.district())).build();
    }
}
