package org.shebao.engine.internal.rest;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
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
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.task.TaskDto;
import org.shebao.engine.internal.task.TaskQueries;
import org.shebao.engine.internal.task.TaskService;

/** The citizen's tasks: {@code /api/tasks} (API.md). */
@Component(service = TaskResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    /** Body of save, edit, submit and withdraw. */
    public record TaskRequest(String businessType, Map<String, Object> data, Long version) {
    }

    private final TaskService tasks;
    private final TaskQueries queries;
    private final RequestAudit audit;

    @Context
    private HttpServletRequest http;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public TaskResource(@Reference TaskService tasks, @Reference TaskQueries queries, @Reference RequestAudit audit) {
        this.audit = audit;
        this.tasks = tasks;
        this.queries = queries;
    }

    @POST
    public Response save(TaskRequest request) {
        TaskRequest body = request == null ? new TaskRequest(null, Map.of(), null) : request;
        Account caller = Callers.require(security, Role.CITIZEN);
        TaskDto task = audited(caller, "TASK_CREATED", tasks.create(caller, body.businessType(),
                body.data() == null ? Map.of() : body.data(), Languages.of(headers)));
        return Response.status(Response.Status.CREATED).entity(task).build();
    }

    @GET
    public Page<TaskDto> list(@QueryParam("list") @DefaultValue("todo") String list,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("10") int size) {
        return queries.list(Callers.require(security, Role.CITIZEN), list, Paging.page(page), Paging.size(size),
                Languages.of(headers));
    }

    @GET
    @Path("{id}")
    public TaskDto get(@PathParam("id") long id) {
        return queries.get(Callers.require(security, Role.CITIZEN), id, Languages.of(headers));
    }

    @PUT
    @Path("{id}")
    public TaskDto edit(@PathParam("id") long id, TaskRequest request) {
        TaskRequest body = request == null ? new TaskRequest(null, Map.of(), null) : request;
        Account caller = Callers.require(security, Role.CITIZEN);
        return audited(caller, "TASK_EDITED", tasks.update(caller, id, body.data() == null ? Map.of() : body.data(),
                body.version(), Languages.of(headers)));
    }

    @POST
    @Path("{id}/submit")
    public TaskDto submit(@PathParam("id") long id, TaskRequest request) {
        Account caller = Callers.require(security, Role.CITIZEN);
        return audited(caller, "TASK_SUBMITTED", tasks.submit(caller, id, request == null ? null : request.version(),
                Languages.of(headers)));
    }

    @POST
    @Path("{id}/withdraw")
    public TaskDto withdraw(@PathParam("id") long id, TaskRequest request) {
        Account caller = Callers.require(security, Role.CITIZEN);
        return audited(caller, "TASK_WITHDRAWN", tasks.withdraw(caller, id, request == null ? null : request.version(),
                Languages.of(headers)));
    }

    private TaskDto audited(Account caller, String action, TaskDto task) {
        audit.record(http, caller, action, "task " + task.id(), caller.district(), task.businessType() + " v" + task.version());
        return task;
    }
}
