package org.shebao.engine.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
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
import org.shebao.api.account.Account;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.admin.PluginAdmin;
import org.shebao.engine.internal.admin.PluginInfos;
import org.shebao.engine.internal.admin.PluginInfos.PluginInfo;

/** Business plugins installed, upgraded and removed while the platform runs (API.md): {@code /api/admin/plugins}. */
@Component(service = AdminPluginsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPluginsResource {

    /** A business bundle is small; 10 MB is far beyond any (the HTTP filter's maxUploadBytes holds bodies to it too). */
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final PluginAdmin admin;
    private final PluginInfos plugins;
    private final RequestAudit audit;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    @Activate
    public AdminPluginsResource(@Reference PluginAdmin admin, @Reference PluginInfos plugins,
            @Reference RequestAudit audit) {
        this.admin = admin;
        this.plugins = plugins;
        this.audit = audit;
    }

    @GET
    public List<PluginInfo> list() {
        Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        return plugins.list();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response install(MultipartBody body) throws IOException {
        Account caller = Callers.require(security, Role.ADMIN);
        PluginInfo installed = audited(caller, "PLUGIN_INSTALLED", null, () -> admin.install(file(body), caller.login()));
        return Response.status(Response.Status.CREATED).entity(installed).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public PluginInfo upgrade(@PathParam("id") String id, MultipartBody body) throws IOException {
        Account caller = Callers.require(security, Role.ADMIN);
        return audited(caller, "PLUGIN_UPGRADED", id, () -> admin.upgrade(id, file(body), caller.login()));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) throws IOException {
        Account caller = Callers.require(security, Role.ADMIN);
        audited(caller, "PLUGIN_REMOVED", id, () -> {
            admin.remove(id, caller.login());
            return null;
        });
        return Response.noContent().build();
    }

    /** What an upload or removal is, in the audit: done (with the plugin and version) or refused (with why). */
    private PluginInfo audited(Account caller, String action, String id, Change change) throws IOException {
        try {
            PluginInfo info = change.run();
            audit.record(http, caller, action, info == null ? id : info.id(), null,
                    info == null ? null : info.symbolicName() + " " + info.version());
            return info;
        } catch (ShebaoException refused) {
            audit.record(http, caller, "PLUGIN_REFUSED", id, null, action + ": " + refused.code());
            throw refused;
        }
    }

    private interface Change {
        PluginInfo run() throws IOException;
    }

    private static byte[] file(MultipartBody body) throws IOException {
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "plugin-empty", Messages.text("admin.plugin.empty"),
                    List.of(new FieldError("file", Messages.text("admin.plugin.empty"))));
        }
        try (InputStream in = file.getDataHandler().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ShebaoException(Kind.TOO_LARGE, "plugin-too-large", Messages.text("problem.http.413"));
            }
            return bytes;
        }
    }
}
