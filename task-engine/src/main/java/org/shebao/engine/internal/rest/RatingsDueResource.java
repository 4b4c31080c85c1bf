package org.shebao.engine.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
import org.shebao.api.account.Role;
import org.shebao.engine.internal.rating.Ratings;

/** {@code GET /api/ratings/due}: the citizen's tasks finished in the last 30 days and not rated yet (the home page's reminder). */
@Component(service = RatingsDueResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("ratings/due")
@Produces(MediaType.APPLICATION_JSON)
public class RatingsDueResource {

    private final Ratings ratings;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public RatingsDueResource(@Reference Ratings ratings) {
        this.ratings = ratings;
    }

    @GET
    public List<Ratings.Due> due() {
        return ratings.due(Callers.require(security, Role.CITIZEN).login(), Languages.of(headers));
    }
}
