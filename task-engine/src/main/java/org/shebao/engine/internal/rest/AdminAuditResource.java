package org.shebao.engine.internal.rest;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
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
import org.shebao.engine.internal.cluster.AuditQuery;
import org.shebao.engine.internal.db.Page;

/**
 * {@code GET /api/admin/audit?actor=&action=&district=&from=&to=&page=&size=}: who did what, newest first. The city's
 * administrator reads everything; a district's administrator the entries of their own district only.
 */
@Component(service = AdminAuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    private final AuditQuery audit;
    private final Districts districts;

    @Context
    private SecurityContext security;

    @Activate
    public AdminAuditResource(@Reference AuditQuery audit, @Reference Districts districts) {
        this.audit = audit;
        this.districts = districts;
    }

    @GET
    public Page<AuditQuery.Entry> find(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("district") String district, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size)
            throws SQLException {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        String scope = Callers.districtScope(caller, district, districts, "audit.district.forbidden");
        return audit.find(new AuditQuery.Filter(actor, action, scope, day("from", from), day("to", to)),
                Paging.page(page), Paging.size(size));
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-day", Messages.text("audit.day.invalid"),
                    List.of(new FieldError(field, Messages.text("audit.day.invalid"))));
        }
    }
}
