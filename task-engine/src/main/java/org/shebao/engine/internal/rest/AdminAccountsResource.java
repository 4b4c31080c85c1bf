package org.shebao.engine.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.account.SessionStore;
import org.shebao.engine.internal.account.StaffAccounts;

/**
 * Staff accounts ({@code /api/admin/accounts}): listed, created with a temporary password, disabled (their sessions
 * end and their live streams close), enabled, and given a new temporary password. Every change is audited.
 */
@Component(service = AdminAccountsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    /** Body of a new account. */
    public record NewStaff(String username, String name, Set<Role> roles, String district) {
    }

    private final StaffAccounts staff;
    private final SessionStore sessions;
    private final EventHub hub;
    private final RequestAudit audit;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    @Activate
    public AdminAccountsResource(@Reference StaffAccounts staff, @Reference SessionStore sessions,
            @Reference EventHub hub, @Reference RequestAudit audit) {
        this.staff = staff;
        this.sessions = sessions;
        this.hub = hub;
        this.audit = audit;
    }

    @GET
    public List<StaffAccounts.Staff> list(@QueryParam("role") Role role, @QueryParam("district") String district) {
        return staff.list(admin(), role, district == null || district.isBlank() ? null : district);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewStaff body) {
        Account caller = admin();
        NewStaff b = body == null ? new NewStaff(null, null, null, null) : body;
        StaffAccounts.Temporary made = staff.create(caller, b.username(), b.name(), b.roles(), b.district());
        record(caller, "ACCOUNT_CREATED", made.username(), b.district(), String.valueOf(b.roles()));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @POST
    @Path("{username}/disable")
    public Response disable(@PathParam("username") String username) {
        Account caller = admin();
        Account account = staff.setEnabled(caller, username, false);
        int ended = sessions.endAll(username);
        hub.closeOthers(username, null);
        record(caller, "ACCOUNT_DISABLED", username, account.district(), ended + " sessions ended");
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/enable")
    public Response enable(@PathParam("username") String username) {
        Account caller = admin();
        Account account = staff.setEnabled(caller, username, true);
        record(caller, "ACCOUNT_ENABLED", username, account.district(), null);
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/reset-password")
    public Map<String, String> reset(@PathParam("username") String username) {
        Account caller = admin();
        StaffAccounts.Reset reset = staff.resetPassword(caller, username);
        int ended = sessions.endAll(username);
        hub.closeOthers(username, null);
        record(caller, "PASSWORD_RESET", username, reset.account().district(), ended + " sessions ended");
        return Map.of("temporaryPassword", reset.temporaryPassword());
    }

    private Account admin() {
        return Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
    }

    private void record(Account caller, String action, String target, String district, String detail) {
        audit.record(http, caller, action, target, district, detail);
    }
}
