package org.shebao.engine.internal.rest;

import java.util.Map;

import javax.ws.rs.GET;
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
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.plugin.PluginResources;

/**
 * {@code GET /api/plugin-texts/{id}}: the texts of a plugin's screens ({@code ui.*}) in the caller's language, which
 * the console hands its modules as {@code ctx.t}.
 */
@Component(service = PluginTextsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("plugin-texts")
@Produces(MediaType.APPLICATION_JSON)
public class PluginTextsResource {

    private final PluginResources plugins;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public PluginTextsResource(@Reference PluginResources plugins) {
        this.plugins = plugins;
    }

    @GET
    @Path("{id}")
    public Map<String, String> texts(@PathParam("id") String id) {
        Callers.require(security);
        return plugins.texts(id, Languages.of(headers)).orElseThrow(() ->
                new ShebaoException(Kind.NOT_FOUND, "plugin-missing", Messages.text("admin.plugin.missing", id)));
    }
}
