package org.shebao.engine.internal.plugin;

import org.shebao.api.i18n.Text;
import org.shebao.api.spi.MenuEntry;

/**
 * A menu entry as present now, with its plugin and its label (the plugin's text {@code entry.<id>}).
 *
 * @param pluginId the plugin it comes with
 * @param entry    the entry
 * @param label    what the menu shows
 */
public record RegisteredEntry(String pluginId, MenuEntry entry, Text label) {

    /** The URL of the ES module that draws its screen. */
    public String uiModule() {
        return PluginBundles.moduleUrl(pluginId, entry.module());
    }

    /** Whether it serves the district (none declared: every district). */
    public boolean declares(String district) {
        return entry.districts().isEmpty() || entry.districts().contains(district);
    }
}
