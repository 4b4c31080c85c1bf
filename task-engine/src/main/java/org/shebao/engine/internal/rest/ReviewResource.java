package org.shebao.engine.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.shebao.engine.internal.task.Page;
import org.shebao.engine.internal.task.ReviewService;
import org.shebao.engine.internal.task.TaskDto;

/** The reviewer's inbox and decisions: {@code /api/review/tasks} (API.md); district-bound. */
@Component(service = ReviewResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("review/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** Body of approve and return. */
    public record ReviewRequest(Long version, String comment, String reasonCode, String reason) {
    }

    private final ReviewService review;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public ReviewResource(@Reference ReviewService review) {
        this.review = review;
    }

    @GET
    public Page<TaskDto> waiting(@QueryParam("businessType") String businessType,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("10") int size) {
        return review.waiting(Callers.require(security, Role.REVIEWER), businessType, Paging.page(page),
                Paging.size(size), Languages.of(headers));
    }

    /** A waiting task with its data labelled as the citizen's form labels it. */
    @GET
    @Path("{id}")
    public java.util.Map<String, Object> detail(@PathParam("id") long id) {
        return review.detail(Callers.require(security, Role.REVIEWER), id, Languages.of(headers));
    }

    /** The dictionary of return reasons (DOMAIN-RULES.md), in the caller's language. */
    @GET
    @Path("reasons")
    public java.util.List<java.util.Map<String, String>> reasons() {
        Callers.require(security, Role.REVIEWER);
        java.util.Locale locale = Languages.of(headers);
        return java.util.stream.Stream.of("ID_PHOTO", "DOCUMENT_MISSING", "AGE_LIMIT", "INSURED_ELSEWHERE", "IN_PROGRESS",
                "TIER", "PERIOD", "ARREARS_FIRST", "OTHER")
                .map(code -> java.util.Map.of("code", code, "label",
                        org.shebao.engine.internal.Messages.text("review.reason." + code).in(locale)))
                .toList();
    }

    @POST
    @Path("{id}/approve")
    public TaskDto approve(@PathParam("id") long id, ReviewRequest request) {
        ReviewRequest body = request == null ? new ReviewRequest(null, null, null, null) : request;
        return review.approve(Callers.require(security, Role.REVIEWER), id, body.version(), body.comment(),
                Languages.of(headers));
    }

    @POST
    @Path("{id}/return")
    public TaskDto returnTask(@PathParam("id") long id, ReviewRequest request) {
        ReviewRequest body = request == null ? new ReviewRequest(null, null, null, null) : request;
        return review.returnTask(Callers.require(security, Role.REVIEWER), id, body.version(), body.reasonCode(),
                body.reason(), Languages.of(headers));
    }
}
