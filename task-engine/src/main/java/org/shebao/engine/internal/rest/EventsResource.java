package org.shebao.engine.internal.rest;

import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.engine.internal.account.SessionStore;

/**
 * {@code GET /api/events}: the caller's server-sent events: a citizen's own tasks' transitions and plugins' notices;
 * for a reviewer, the transitions of the district's tasks (ids and states only).
 */
@Component(service = EventsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@Path("events")
public class EventsResource {

    private final EventHub hub;

    @Context
    private SecurityContext security;

    @Activate
    public EventsResource(@Reference EventHub hub) {
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @CookieParam(AuthFilter.COOKIE) String token) {
        Account caller = Callers.require(security);
        hub.subscribe(caller.has(org.shebao.api.account.Role.REVIEWER) ? EventHub.REVIEWERS + caller.district() : caller.login(),
                SessionStore.key(token), caller.login(), sink, sse);
    }
}
