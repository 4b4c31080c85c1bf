package org.shebao.engine.internal.rest;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.shebao.engine.internal.metrics.Metrics;

import io.micrometer.core.instrument.Timer;

/**
 * {@code shebao_http_requests_seconds}: every API request timed by method, route template ({@code /tasks/{id}/submit},
 * plugins' as {@code /plugins/{plugin}/…}) and status, with histogram buckets from 10 ms to 10 s.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("shebao-http-metrics")
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@PreMatching
public class HttpMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "shebao.metrics.started";
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Metrics metrics;
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Activate
    public HttpMetrics(@Reference Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        String route = method == null ? "UNMATCHED" : routes.computeIfAbsent(method, m -> route(resource.getResourceClass(), m));
        Timer.builder("shebao.http.requests").description("API requests by method, route and status")
                .tag("method", request.getMethod()).tag("route", route).tag("status", String.valueOf(response.getStatus()))
                .serviceLevelObjectives(BUCKETS).register(metrics.registry())
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** The route template of a resource method: its class's path (a plugin's endpoint: /plugins/{plugin}) and its own. */
    static String route(Class<?> type, Method method) {
        Path own = method.getAnnotation(Path.class);
        Path base = type.getAnnotation(Path.class);
        String prefix = base == null ? "/" + PluginEndpointResource.PATH + "/{plugin}" : "/" + base.value();
        String path = (prefix + (own == null ? "" : "/" + own.value())).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
