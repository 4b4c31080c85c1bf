package org.shebao.engine.internal.rest;

import java.io.InputStream;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Hidden;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/docs}: Swagger UI over {@code /api/openapi.json}, served from this bundle (the build unpacks the
 * webjar into {@code apidocs/}), with no inline script: the page's own script starts it. No login. A page, not an
 * API path: hidden from the description.
 */
@Component(service = ApiDocsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@Path("docs")
@Hidden
public class ApiDocsResource {

    private static final String FOLDER = "/apidocs/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html;charset=UTF-8",
            "swagger-initializer.js", "text/javascript;charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript;charset=UTF-8",
            "swagger-ui.css", "text/css;charset=UTF-8",
            "favicon-32x32.png", "image/png");

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        InputStream content = type == null ? null : ApiDocsResource.class.getResourceAsStream(FOLDER + name);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, type).build();
    }
}
