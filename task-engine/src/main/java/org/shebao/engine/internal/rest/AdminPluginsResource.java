package org.shebao.engine.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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

    /** A business bundle is small; 50 MB is far beyond any. */
    private static final int MAX_BYTES = 50 * 1024 * 1024;

    private final PluginAdmin admin;
    private final PluginInfos plugins;

    @Context
    private SecurityContext security;

    @Activate
    public AdminPluginsResource(@Reference PluginAdmin admin, @Reference PluginInfos plugins) {
        this.admin = admin;
        this.plugins = plugins;
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
        return Response.status(Response.Status.CREATED).entity(admin.install(file(body), caller.login())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public PluginInfo upgrade(@PathParam("id") String id, MultipartBody body) throws IOException {
        Account caller = Callers.require(security, Role.ADMIN);
        return admin.upgrade(id, file(body), caller.login());
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        Account caller = Callers.require(security, Role.ADMIN);
        admin.remove(id, caller.login());
        return Response.noContent().build();
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
