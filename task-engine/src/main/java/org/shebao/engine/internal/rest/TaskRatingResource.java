package org.shebao.engine.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.rating.Ratings;

/**
 * 好差评 of a finished task by its citizen: {@code POST /api/tasks/{id}/rating} {@code {stars: 1..5, comment?}} → 201,
 * once (a second: 409); {@code GET} the rating given (404 while none).
 */
@Component(service = TaskRatingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("tasks/{id}/rating")
@Produces(MediaType.APPLICATION_JSON)
public class TaskRatingResource {

    /** What the citizen gives. */
    public record RatingRequest(Integer stars, String comment) {
    }

    private final Ratings ratings;
    private final RequestAudit audit;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    @Activate
    public TaskRatingResource(@Reference Ratings ratings, @Reference RequestAudit audit) {
        this.ratings = ratings;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(@PathParam("id") long id, RatingRequest request) {
        Account caller = Callers.require(security, Role.CITIZEN);
        RatingRequest body = request == null ? new RatingRequest(null, null) : request;
        Ratings.Rating rating = ratings.rate(caller.login(), id, body.stars(), body.comment());
        audit.record(http, caller, "TASK_RATED", "task " + id, caller.district(), rating.stars() + " stars");
        return Response.status(Response.Status.CREATED).entity(rating).build();
    }

    @GET
    public Ratings.Rating get(@PathParam("id") long id) {
        return ratings.of(Callers.require(security, Role.CITIZEN).login(), id);
    }
}
