package org.shebao.engine.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.engine.internal.openapi.ApiDescription;

/** {@code GET /api/openapi.json}: the OpenAPI 3 description of every path, the plugins' included. No login. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@Path("openapi.json")
public class OpenApiResource {

    private final ApiDescription description;

    @Activate
    public OpenApiResource(@Reference ApiDescription description) {
        this.description = description;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public byte[] get() {
        return description.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
