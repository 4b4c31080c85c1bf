package org.shebao.engine.internal.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
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
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.task.HumanDecisions;
import org.shebao.engine.internal.task.ReviewInbox;
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

    private final ReviewInbox inbox;
    private final HumanDecisions decisions;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    private final RequestAudit audit;

    @Context
    private HttpHeaders headers;

    @Activate
    public ReviewResource(@Reference ReviewInbox inbox, @Reference HumanDecisions decisions,
            @Reference RequestAudit audit) {
        this.audit = audit;
        this.inbox = inbox;
        this.decisions = decisions;
    }

    @GET
    public Page<TaskDto> waiting(@QueryParam("businessType") String businessType,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("10") int size) {
        return inbox.waiting(Callers.require(security, Role.REVIEWER), businessType, Paging.page(page),
                Paging.size(size), Languages.of(headers));
    }

    /** A waiting task with its data labelled as the citizen's form labels it. */
    @GET
    @Path("{id}")
    public ReviewInbox.Detail detail(@PathParam("id") long id) {
        return inbox.detail(Callers.require(security, Role.REVIEWER), id, Languages.of(headers));
    }

    /** The reasons a task of the business may be returned for (its own, then the general ones), in the caller's language. */
    @GET
    @Path("reasons")
    public List<ReviewInbox.Reason> reasons(@QueryParam("businessType") String businessType) {
        Callers.require(security, Role.REVIEWER);
        return inbox.reasons(businessType, Languages.of(headers));
    }

    @POST
    @Path("{id}/approve")
    public TaskDto approve(@PathParam("id") long id, ReviewRequest request) {
        ReviewRequest body = request == null ? new ReviewRequest(null, null, null, null) : request;
        Account caller = Callers.require(security, Role.REVIEWER);
        return audited(caller, "TASK_APPROVED", decisions.approve(caller, id, body.version(), body.comment(),
                Languages.of(headers)));
    }

    @POST
    @Path("{id}/return")
    public TaskDto returnTask(@PathParam("id") long id, ReviewRequest request) {
        ReviewRequest body = request == null ? new ReviewRequest(null, null, null, null) : request;
        Account caller = Callers.require(security, Role.REVIEWER);
        return audited(caller, "TASK_RETURNED", decisions.returnTask(caller, id, body.version(), body.reasonCode(),
                body.reason(), Languages.of(headers)));
    }

    private TaskDto audited(Account caller, String action, TaskDto task) {
        audit.record(http, caller, action, "task " + task.id(), caller.district(), task.businessType());
        return task;
    }
}
