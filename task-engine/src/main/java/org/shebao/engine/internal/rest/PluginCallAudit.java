package org.shebao.engine.internal.rest;

import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.shebao.api.account.Account;

/**
 * Every state-changing call of a plugin's endpoint ({@code /api/plugins/<id>/…}) that succeeded goes into the audit
 * with the caller's login and district: a reviewer's reply to a problem report, a slip generated or cancelled, a
 * write-off. Plugins need not audit for themselves, and cannot forget to.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("shebao-plugin-call-audit")
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
public class PluginCallAudit implements ContainerResponseFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final RequestAudit audit;

    @Context
    private HttpServletRequest http;

    @Activate
    public PluginCallAudit(@Reference RequestAudit audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath().replaceAll("^/+", "");
        if (!CHANGES.contains(request.getMethod()) || !path.startsWith(PluginEndpointResource.PATH + "/")
                || response.getStatus() >= 400
                || !(request.getSecurityContext().getUserPrincipal() instanceof Account caller)) {
            return;
        }
        String plugin = path.split("/")[1];
        audit.record(http, caller, "PLUGIN_CALL", request.getMethod() + " /api/" + path, caller.district(),
                plugin + " " + response.getStatus());
    }
}
