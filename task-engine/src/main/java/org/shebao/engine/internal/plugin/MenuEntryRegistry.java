package org.shebao.engine.internal.plugin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.shebao.api.account.Account;
import org.shebao.api.i18n.Texts;
import org.shebao.api.spi.MenuEntries;

/** The plugins' menu entries that are not task businesses, as they come and go with their bundles. */
@Component(service = MenuEntryRegistry.class)
public class MenuEntryRegistry {

    private final Map<MenuEntries, List<RegisteredEntry>> byService = new ConcurrentHashMap<>();

    @Reference
    volatile DistrictEnablement enablement;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEntries(MenuEntries entries, ServiceReference<MenuEntries> ref) {
        String pluginId = PluginBundles.pluginId(ref.getBundle());
        if (pluginId == null) {
            return;
        }
        Texts texts = Texts.of(entries.getClass());
        byService.put(entries, entries.entries().stream()
                .map(e -> new RegisteredEntry(pluginId, e, texts.t("entry." + e.id()))).toList());
    }

    void removeEntries(MenuEntries entries) {
        byService.remove(entries);
    }

    /** Whether the plugin's menu entries are registered. */
    /** The label of a plugin's (first) menu entry, for a plugin without businesses (the problem reports). */
    public java.util.Optional<org.shebao.api.i18n.Text> labelOf(String pluginId) {
        return byService.values().stream().flatMap(List::stream).filter(e -> e.pluginId().equals(pluginId))
                .map(RegisteredEntry::label).findFirst();
    }

    public boolean has(String pluginId) {
        return byService.values().stream().flatMap(List::stream).anyMatch(e -> e.pluginId().equals(pluginId));
    }

    /** The entries the caller sees: of their role, declared for their district and not switched off there. */
    public List<RegisteredEntry> visibleTo(Account caller) {
        return byService.values().stream().flatMap(List::stream)
                .filter(e -> e.entry().roles().stream().anyMatch(caller::has))
                .filter(e -> e.declares(caller.district()) && enablement.enabled(caller.district(), e.pluginId()))
                .sorted(Comparator.comparing((RegisteredEntry e) -> e.entry().group()).thenComparing(e -> e.entry().id()))
                .toList();
    }
}
