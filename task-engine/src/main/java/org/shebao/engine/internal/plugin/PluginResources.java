package org.shebao.engine.internal.plugin;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.BundleTracker;
import org.shebao.api.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves each active plugin's {@code ui/} folder (its ES modules) at {@link PluginBundles#moduleUrl}: an extender
 * that registers, in the plugin bundle's own context, an HTTP whiteboard resource for it. The resource goes when the
 * plugin stops or is removed. It answers the texts of a plugin's screens ({@code ui.*} of its bundle's texts).
 */
@Component(service = PluginResources.class)
public class PluginResources {

    private static final Logger LOG = LoggerFactory.getLogger(PluginResources.class);
    static final String FOLDER = "ui";

    private BundleTracker<ServiceRegistration<?>> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<?> addingBundle(Bundle bundle, BundleEvent event) {
                return PluginBundles.pluginId(bundle) == null ? null : register(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<?> registration) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first: its services went with it
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The texts of the active plugin's screens ({@code ui.*}) in the language, or empty when no such plugin is. */
    public Optional<Map<String, String>> texts(String pluginId, Locale locale) {
        return tracker.getTracked().keySet().stream().filter(b -> pluginId.equals(PluginBundles.pluginId(b)))
                .map(b -> b.adapt(BundleWiring.class)).filter(w -> w != null && w.getClassLoader() != null).findFirst()
                .map(w -> Texts.of(w.getClassLoader()).all(locale, "ui."));
    }

    private static ServiceRegistration<?> register(Bundle bundle) {
        String id = PluginBundles.pluginId(bundle);
        BundleContext context = bundle.getBundleContext();
        if (context == null || bundle.getEntry(FOLDER + "/") == null) {
            return null;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN, PluginBundles.moduleUrl(id, "*"));
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX, "/" + FOLDER);
        try {
            return context.registerService(Resources.class, new Resources(id), props);
        } catch (IllegalStateException stopping) {
            LOG.debug("Plugin {} stopped before its screens could be served", id);
            return null;
        }
    }

    /** The service that stands for a plugin's served folder (the whiteboard needs only its properties). */
    public static final class Resources {
        private final String pluginId;

        Resources(String pluginId) {
            this.pluginId = pluginId;
        }

        @Override
        public String toString() {
            return "ui of plugin " + pluginId;
        }
    }
}
