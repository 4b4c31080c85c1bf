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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.plugin.MenuEntryRegistry;

/** {@code GET /api/menu-entries}: the plugins' menu entries that are not task businesses, for the caller's district. */
@Component(service = MenuEntryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("menu-entries")
@Produces(MediaType.APPLICATION_JSON)
public class MenuEntryResource {

    /** An entry as the console lists it. */
    public record EntryDto(String id, String plugin, String name, String group, String groupName, String uiModule) {
    }

    private final MenuEntryRegistry entries;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public MenuEntryResource(@Reference MenuEntryRegistry entries) {
        this.entries = entries;
    }

    @GET
    public List<EntryDto> list() {
        Account caller = Callers.require(security);
        Locale locale = Languages.of(headers);
        return entries.visibleTo(caller).stream().map(e -> new EntryDto(e.entry().id(), e.pluginId(), e.label().in(locale),
                e.entry().group().name(), Messages.text("menu." + e.entry().group().name()).in(locale), e.uiModule())).toList();
    }
}
