package org.shebao.engine.internal.rest;

import java.util.Map;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The platform's JAX-RS application at {@code /api}: the core resources join it with
 * {@code @JaxrsApplicationSelect(ShebaoApplication.SELECT)}, the plugins' endpoints through
 * {@link PluginEndpointResource} at {@code /api/plugins/<id>/}. One application: the CXF servlets of several would
 * share one destination registry at the same address, and only the last one registered would answer.
 */
@Component(service = Application.class)
@JaxrsName(ShebaoApplication.NAME)
@JaxrsApplicationBase("api")
public class ShebaoApplication extends Application {

    public static final String NAME = "shebao";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    /**
     * CXF's own multipart limits, behind the HTTP filter's ({@code maxUploadBytes}): no attachment above 10 MB, and
     * those above 256 KB are kept in a temporary file rather than in memory.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("attachment-max-size", String.valueOf(10L * 1024 * 1024),
                "attachment-memory-threshold", String.valueOf(256L * 1024));
    }
}
