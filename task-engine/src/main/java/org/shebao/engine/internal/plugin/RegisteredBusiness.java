package org.shebao.engine.internal.plugin;

import java.util.Optional;
import java.util.Set;

import org.shebao.api.i18n.Text;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.MenuGroup;

/**
 * A business type as present now, with what the platform knows of it from its service and bundle.
 *
 * @param id        the business's id (its plugin's, unless the service names another)
 * @param pluginId  the plugin (bundle) it comes with
 * @param version   its plugin's version, {@code major.minor.micro}
 * @param group     where the console lists it
 * @param districts the districts it serves; empty for all
 * @param name      its name (the plugin's text {@code name})
 * @param type      the service
 */
public record RegisteredBusiness(String id, String pluginId, String version, MenuGroup group, Set<String> districts,
        Text name, BusinessType type) {

    public RegisteredBusiness {
        districts = Set.copyOf(districts);
    }

    /** Whether it declares the district (none declared: every district). */
    public boolean declares(String district) {
        return districts.isEmpty() || districts.contains(district);
    }

    /** The URL of its own ES module for the form, if any. */
    public Optional<String> uiModule() {
        return type.uiModule().map(module -> PluginBundles.moduleUrl(pluginId, module));
    }
}
