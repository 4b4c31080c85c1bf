package org.shebao.engine.internal.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The platform's one JAX-RS application at {@code /api}. Resources and extensions, the plugins'
 * included, join it with {@code @JaxrsApplicationSelect(ShebaoApplication.SELECT)}.
 */
@Component(service = Application.class)
@JaxrsName(ShebaoApplication.NAME)
@JaxrsApplicationBase("api")
public class ShebaoApplication extends Application {

    public static final String NAME = "shebao";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
