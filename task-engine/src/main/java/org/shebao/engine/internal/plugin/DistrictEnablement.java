package org.shebao.engine.internal.plugin;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Which plugins a district office has switched off for its district, kept in Config Admin ({@code
 * etc/org.shebao.enablement.cfg}, {@code disabled.<district> = id,id}) so that it survives restarts. What a citizen
 * sees is what a plugin declares ∩ not switched off.
 */
@Component(service = DistrictEnablement.class, configurationPid = DistrictEnablement.PID)
public class DistrictEnablement {

    public static final String PID = "org.shebao.enablement";
    private static final String PREFIX = "disabled.";

    private final ConfigurationAdmin configurations;
    private volatile Map<String, Set<String>> disabled = Map.of();

    @Activate
    public DistrictEnablement(@Reference ConfigurationAdmin configurations, Map<String, Object> properties) {
        this.configurations = configurations;
        read(properties);
    }

    @Modified
    void read(Map<String, Object> properties) {
        Map<String, Set<String>> next = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                next.put(key.substring(PREFIX.length()), ids(String.valueOf(value)));
            }
        });
        disabled = next;
    }

    private static Set<String> ids(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean enabled(String district, String pluginId) {
        return !disabled.getOrDefault(district, Set.of()).contains(pluginId);
    }

    /** The districts where the plugin is switched off. */
    public Set<String> disabledIn(String pluginId) {
        return disabled.entrySet().stream().filter(e -> e.getValue().contains(pluginId)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> disabled(String district) {
        return Collections.unmodifiableSet(disabled.getOrDefault(district, Set.of()));
    }

    /** Switches the plugin on or off for the district; written to Config Admin (and so to etc/). */
    public synchronized void set(String district, String pluginId, boolean enabled) throws IOException {
        Configuration config = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> current = config.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                next.put(key, current.get(key));
            }
        }
        Set<String> ids = ids(String.valueOf(next.getOrDefault(PREFIX + district, "")));
        if (enabled) {
            ids.remove(pluginId);
        } else {
            ids.add(pluginId);
        }
        next.put(PREFIX + district, String.join(",", ids));
        // the new state applies at once here, and on every node once Config Admin has delivered it
        Map<String, Set<String>> now = new HashMap<>(disabled);
        now.put(district, ids);
        disabled = now;
        config.update(next);
    }
}
