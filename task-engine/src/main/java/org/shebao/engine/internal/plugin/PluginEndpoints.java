package org.shebao.engine.internal.plugin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.shebao.api.spi.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each active plugin's {@link Endpoint}, by plugin id (one per plugin; a second one is refused with a warning). */
@Component(service = PluginEndpoints.class)
public class PluginEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(PluginEndpoints.class);

    private final Map<String, Endpoint> byPlugin = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(Endpoint endpoint, ServiceReference<Endpoint> ref) {
        String id = PluginBundles.pluginId(ref.getBundle());
        if (id == null) {
            LOG.warn("Endpoint {} of bundle {} ignored: not a plugin", endpoint, ref.getBundle().getSymbolicName());
        } else if (byPlugin.putIfAbsent(id, endpoint) != null) {
            LOG.warn("Plugin {} has more than one endpoint; {} ignored (join it with a sub-resource locator)", id,
                    endpoint.getClass().getName());
        }
    }

    void removeEndpoint(Endpoint endpoint, ServiceReference<Endpoint> ref) {
        String id = PluginBundles.pluginId(ref.getBundle());
        if (id != null) {
            byPlugin.remove(id, endpoint);
        }
    }

    /** Every active plugin's endpoint, by plugin id (a copy). */
    public Map<String, Endpoint> all() {
        return Map.copyOf(byPlugin);
    }

    /** The plugin's endpoint, when it is active and has one. */
    public Optional<Endpoint> of(String pluginId) {
        return Optional.ofNullable(byPlugin.get(pluginId));
    }
}
