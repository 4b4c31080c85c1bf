package org.shebao.engine.internal.rest;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.engine.internal.plugin.PluginEndpoints;

/**
 * {@code /api/plugins/<id>/…}: the plugin's {@link org.shebao.api.spi.Endpoint} answers the rest of the path, as a
 * sub-resource: its methods' paths are relative and it never names its id, so that a copy of the plugin under
 * another id serves its own. {@link DistrictSwitchFilter} guards it.
 */
@Component(service = PluginEndpointResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path(PluginEndpointResource.PATH)
public class PluginEndpointResource {

    static final String PATH = "plugins";

    private final PluginEndpoints endpoints;

    @Activate
    public PluginEndpointResource(@Reference PluginEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Path("{plugin}")
    public Object plugin(@PathParam("plugin") String pluginId) {
        return endpoints.of(pluginId).orElseThrow(NotFoundException::new);
    }
}
