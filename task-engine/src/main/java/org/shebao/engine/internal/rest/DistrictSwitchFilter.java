package org.shebao.engine.internal.rest;

import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;

/**
 * A plugin's own endpoints ({@code /api/plugins/<id>/…}) refuse, with 409 {@code business-disabled}, every request
 * that changes something for a caller of a district where the plugin is switched off (or that it does not serve):
 * the server enforces the district's switch, not only the menu. Reading stays open. Runs after {@link AuthFilter}.
 */
@Component(service = javax.ws.rs.container.ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("shebao-district-switch")
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@Priority(Priorities.USER + 100)
public class DistrictSwitchFilter implements ContainerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final BusinessTypeRegistry types;

    @Activate
    public DistrictSwitchFilter(@Reference BusinessTypeRegistry types) {
        this.types = types;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // a plugin's endpoint answers /api/plugins/<id>/… (PluginEndpointResource)
        String[] path = request.getUriInfo().getPath(false).replaceFirst("^/+", "").split("/");
        if (READING.contains(request.getMethod()) || path.length < 2 || !PluginEndpointResource.PATH.equals(path[0])
                || !(request.getSecurityContext().getUserPrincipal() instanceof Account caller) || caller.has(Role.ADMIN)) {
            return;
        }
        String pluginId = path[1];
        if (types.switchedOff(pluginId, caller.district())) {
            request.abortWith(ProblemMapper.respond(types.disabled(pluginId),
                    org.shebao.api.i18n.Text.preferred(request.getAcceptableLanguages())));
        }
    }
}
