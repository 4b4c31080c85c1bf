package org.shebao.engine.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
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
import org.shebao.api.spi.BusinessType;
import org.shebao.engine.internal.BusinessTypeRegistry;
import org.shebao.engine.internal.DistrictEnablement;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.admin.PluginAdmin;

/**
 * Administration (API.md): business plugins installed, upgraded and removed while the platform runs (platform
 * administrator), and switched on or off per district (platform administrator, or the district's administrator).
 */
@Component(service = AdminResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** Body of an enablement change. */
    public record Enablement(Boolean enabled) {
    }

    private final PluginAdmin plugins;
    private final DistrictEnablement enablement;
    private final BusinessTypeRegistry types;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public AdminResource(@Reference PluginAdmin plugins, @Reference DistrictEnablement enablement,
            @Reference BusinessTypeRegistry types) {
        this.plugins = plugins;
        this.enablement = enablement;
        this.types = types;
    }

    @GET
    @Path("plugins")
    public List<PluginAdmin.PluginInfo> list() {
        Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        return plugins.list();
    }

    @POST
    @Path("plugins")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response install(MultipartBody body) throws IOException {
        Callers.require(security, Role.ADMIN);
        return Response.status(Response.Status.CREATED).entity(plugins.install(file(body))).build();
    }

    @PUT
    @Path("plugins/{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public PluginAdmin.PluginInfo upgrade(@PathParam("id") String id, MultipartBody body) throws IOException {
        Callers.require(security, Role.ADMIN);
        return plugins.upgrade(id, file(body));
    }

    @DELETE
    @Path("plugins/{id}")
    public Response remove(@PathParam("id") String id) {
        Callers.require(security, Role.ADMIN);
        plugins.remove(id);
        return Response.noContent().build();
    }

    /** The businesses a district could offer (declared for it), each switched on or off there. */
    @GET
    @Path("districts/{code}/plugins")
    public List<Map<String, Object>> district(@PathParam("code") String code) {
        districtAdmin(code);
        Locale locale = Languages.of(headers);
        List<Map<String, Object>> out = new ArrayList<>();
        for (BusinessType t : types.all()) {
            if (t.districts().isEmpty() || t.districts().contains(code)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", t.id());
                row.put("name", t.name().in(locale));
                row.put("districtOnly", !t.districts().isEmpty());
                row.put("enabled", enablement.enabled(code, t.id()));
                out.add(row);
            }
        }
        return out;
    }

    @PUT
    @Path("districts/{code}/plugins/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> enable(@PathParam("code") String code, @PathParam("id") String id, Enablement body)
            throws IOException {
        districtAdmin(code);
        if (body == null || body.enabled() == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "enabled-required", Messages.text("admin.enabled.required"),
                    List.of(new FieldError("enabled", Messages.text("admin.enabled.required"))));
        }
        if (plugins.find(id).isEmpty() && types.find(id).isEmpty()) {
            throw new ShebaoException(Kind.NOT_FOUND, "plugin-missing", Messages.text("admin.plugin.missing", id));
        }
        enablement.set(code, id, body.enabled());
        return Map.of("district", code, "plugin", id, "enabled", body.enabled());
    }

    private Account districtAdmin(String code) {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        if (code == null || !code.matches("\\d{6}")) {
            throw new ShebaoException(Kind.BAD_INPUT, "district-invalid", Messages.text("admin.district.invalid"));
        }
        if (!caller.has(Role.ADMIN) && !caller.district().equals(code)) {
            throw new ShebaoException(Kind.FORBIDDEN, "district-forbidden", Messages.text("admin.district.forbidden", caller.district()));
        }
        return caller;
    }

    private static byte[] file(MultipartBody body) throws IOException {
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "plugin-empty", Messages.text("admin.plugin.empty"),
                    List.of(new FieldError("file", Messages.text("admin.plugin.empty"))));
        }
        try (InputStream in = file.getDataHandler().getInputStream()) {
            // a business bundle is small; 50 MB is far beyond any
            byte[] bytes = in.readNBytes(50 * 1024 * 1024 + 1);
            if (bytes.length > 50 * 1024 * 1024) {
                throw new ShebaoException(Kind.TOO_LARGE, "plugin-too-large", Messages.text("problem.http.413"));
            }
            return bytes;
        }
    }
}
