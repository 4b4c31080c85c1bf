package org.shebao.engine.internal.rest;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.admin.PluginInfos;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.DistrictEnablement;

/**
 * What each district offers: the businesses declared for it, switched on or off there by the platform administrator
 * or the district's own ({@code /api/admin/districts/{code}/plugins}).
 */
@Component(service = AdminDistrictsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin/districts")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDistrictsResource {

    /** A business as a district offers it. */
    public record OfferDto(String id, String name, boolean districtOnly, boolean enabled) {
    }

    /** Body of a switch, and its answer. */
    public record Switch(String district, String plugin, Boolean enabled) {
    }

    private final Districts districts;
    private final DistrictEnablement enablement;
    private final BusinessTypeRegistry types;
    private final PluginInfos plugins;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    private final RequestAudit audit;

    @Context
    private HttpHeaders headers;

    @Activate
    public AdminDistrictsResource(@Reference Districts districts, @Reference DistrictEnablement enablement,
            @Reference BusinessTypeRegistry types, @Reference PluginInfos plugins, @Reference RequestAudit audit) {
        this.audit = audit;
        this.districts = districts;
        this.enablement = enablement;
        this.types = types;
        this.plugins = plugins;
    }

    @GET
    @Path("{code}/plugins")
    public List<OfferDto> offers(@PathParam("code") String code) {
        districtAdmin(code);
        Locale locale = Languages.of(headers);
        return types.all().stream().filter(b -> b.declares(code)).map(b -> new OfferDto(b.id(), b.name().in(locale),
                !b.districts().isEmpty(), enablement.enabled(code, b.pluginId()))).toList();
    }

    @PUT
    @Path("{code}/plugins/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Switch enable(@PathParam("code") String code, @PathParam("id") String id, Switch body) throws SQLException {
        Account caller = districtAdmin(code);
        if (body == null || body.enabled() == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "enabled-required", Messages.text("admin.enabled.required"),
                    List.of(new FieldError("enabled", Messages.text("admin.enabled.required"))));
        }
        if (plugins.find(id).isEmpty() && types.find(id).isEmpty()) {
            throw new ShebaoException(Kind.NOT_FOUND, "plugin-missing", Messages.text("admin.plugin.missing", id));
        }
        enablement.set(code, id, body.enabled(), caller.login());
        audit.record(http, caller, body.enabled() ? "PLUGIN_SWITCHED_ON" : "PLUGIN_SWITCHED_OFF", id, code, null);
        return new Switch(code, id, body.enabled());
    }

    private Account districtAdmin(String code) {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        if (code == null || !code.matches("\\d{6}")) {
            throw new ShebaoException(Kind.BAD_INPUT, "district-invalid", Messages.text("admin.district.invalid"));
        }
        if (!caller.has(Role.ADMIN) && !caller.district().equals(code)) {
            throw new ShebaoException(Kind.FORBIDDEN, "district-forbidden", Messages.text("admin.district.forbidden",
                    districts.name(caller.district())));
        }
        return caller;
    }
}
