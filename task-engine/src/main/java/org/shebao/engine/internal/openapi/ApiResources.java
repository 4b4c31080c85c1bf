package org.shebao.engine.internal.openapi;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.shebao.engine.internal.plugin.PluginEndpoints;
import org.shebao.engine.internal.rest.PluginEndpointResource;
import org.shebao.engine.internal.rest.ShebaoApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources that the JAX-RS whiteboard serves in the platform's application now: the classes of the services
 * registered with {@code osgi.jaxrs.resource=true} that select it (read from their services' registrations, so that
 * no prototype is instantiated), and each active plugin's {@link org.shebao.api.spi.Endpoint} by plugin id. The
 * locator that hands requests to the plugins is left out: the plugins' endpoints stand in its place.
 */
final class ApiResources {

    private static final Logger LOG = LoggerFactory.getLogger(ApiResources.class);

    /** The services that make the description change when they come or go. */
    static final String WATCHED = "(|(osgi.jaxrs.resource=true)(objectClass=org.shebao.api.spi.Endpoint))";

    private ApiResources() {
    }

    /** The engine's and other bundles' resource classes in the application. */
    static Set<Class<?>> resourceClasses(BundleContext context) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (ShebaoApplication.SELECT.equals(ref.getProperty("osgi.jaxrs.application.select"))) {
                load(ref).filter(c -> c != PluginEndpointResource.class).ifPresent(classes::add);
            }
        }
        return classes;
    }

    /** Each active plugin's endpoint class, by plugin id in order. */
    static Map<String, Class<?>> endpointClasses(PluginEndpoints endpoints) {
        Map<String, Class<?>> classes = new TreeMap<>();
        endpoints.all().forEach((id, endpoint) -> classes.put(id, endpoint.getClass()));
        return classes;
    }

    private static java.util.Optional<Class<?>> load(ServiceReference<?> ref) {
        String[] names = (String[]) ref.getProperty("objectClass");
        if (ref.getBundle() == null || names == null || names.length == 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ref.getBundle().loadClass(names[0]));
        } catch (ClassNotFoundException | IllegalStateException e) {
            LOG.debug("Resource {} of bundle {} left out of the API description", names[0], ref.getBundle(), e);
            return java.util.Optional.empty();
        }
    }
}
