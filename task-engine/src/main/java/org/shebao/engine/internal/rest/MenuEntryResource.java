package org.shebao.engine.internal.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.api.spi.MenuEntry;
import org.shebao.engine.internal.Messages;

/** {@code GET /api/menu-entries}: the plugins' menu entries that are not task businesses, for the caller's district. */
@Component(service = MenuEntryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("menu-entries")
@Produces(MediaType.APPLICATION_JSON)
public class MenuEntryResource {

    /** An entry as the console lists it. */
    public record EntryDto(String id, String name, String group, String groupName, String uiModule) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<MenuEntry> entries;

    @Reference
    volatile org.shebao.engine.internal.DistrictEnablement enablement;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    /** The id of the plugin that contributes the entry (its bundle's {@code Shebao-Plugin} header). */
    static String pluginOf(MenuEntry entry) {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(entry.getClass());
        String id = bundle == null ? null : bundle.getHeaders().get("Shebao-Plugin");
        return id == null ? entry.id() : id;
    }

    @GET
    public List<EntryDto> list() {
        Account caller = Callers.require(security);
        Locale locale = Languages.of(headers);
        return entries.stream()
                .filter(e -> e.roles().stream().anyMatch(caller::has))
                .filter(e -> (e.districts().isEmpty() || e.districts().contains(caller.district()))
                        && enablement.enabled(caller.district(), e.id())
                        && enablement.enabled(caller.district(), pluginOf(e)))
                .map(e -> new EntryDto(e.id(), e.label().in(locale), e.group().name(),
                        Messages.text("menu." + e.group().name()).in(locale), e.uiModule()))
                .sorted(java.util.Comparator.comparing(EntryDto::group).thenComparing(EntryDto::id))
                .toList();
    }
}
