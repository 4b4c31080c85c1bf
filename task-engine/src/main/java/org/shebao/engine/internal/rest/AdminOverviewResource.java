package org.shebao.engine.internal.rest;

import java.sql.SQLException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.admin.Overview;

/**
 * {@code GET /api/admin/overview?district=}: how the hall is doing; the city's administrator for the city or any
 * district, a district's administrator for their own.
 */
@Component(service = AdminOverviewResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin/overview")
@Produces(MediaType.APPLICATION_JSON)
public class AdminOverviewResource {

    private final Overview overview;
    private final Districts districts;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public AdminOverviewResource(@Reference Overview overview, @Reference Districts districts) {
        this.overview = overview;
        this.districts = districts;
    }

    @GET
    public Overview.Report get(@QueryParam("district") String district) throws SQLException {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        String scope = Callers.districtScope(caller, district, districts, "overview.district.forbidden");
        if (scope != null && districts.find(scope).isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "district-invalid", Messages.text("admin.district.invalid"));
        }
        return overview.of(scope, Languages.of(headers));
    }
}
