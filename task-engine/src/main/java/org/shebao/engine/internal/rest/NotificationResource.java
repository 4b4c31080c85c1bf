package org.shebao.engine.internal.rest;

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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.notify.Inbox;

/**
 * The caller's inbox ({@code /api/notifications}, newest first; {@code ?unread=true}: the unread ones, whose total
 * is the header's count), and marking entries read. Only the caller's own entries, whoever the caller is.
 */
@Component(service = NotificationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final Inbox inbox;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public NotificationResource(@Reference Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    public Page<Inbox.Entry> list(@QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Account caller = Callers.require(security);
        return inbox.list(caller.login(), unread, Paging.page(page), Paging.size(size), Languages.of(headers));
    }

    /** Marks one entry read: 204, also when it was read before; another person's or none: 404. */
    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") long id) {
        inbox.markRead(Callers.require(security).login(), id);
        return Response.noContent().build();
    }

    /** Marks every entry of the caller's read: 204. */
    @POST
    @Path("read")
    public Response readAll() {
        inbox.markAllRead(Callers.require(security).login());
        return Response.noContent().build();
    }
}
