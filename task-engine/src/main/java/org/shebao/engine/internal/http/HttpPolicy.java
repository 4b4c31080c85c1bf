package org.shebao.engine.internal.http;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.shebao.engine.internal.cluster.SecurityConfig;

/**
 * The HTTP settings of {@code etc/org.shebao.security.cfg} (allowed origins, body limits), held apart from the
 * servlet filter: a filter whose service properties change with its configuration would be re-registered by the
 * HTTP whiteboard, restarting the web context under live requests.
 */
@Component(service = HttpPolicy.class, configurationPid = SecurityConfig.PID)
public class HttpPolicy {

    private volatile Origins origins;
    private volatile SecurityConfig config;

    @Activate
    public HttpPolicy(SecurityConfig config) {
        modified(config);
    }

    @Modified
    void modified(SecurityConfig changed) {
        this.origins = new Origins(changed.allowedOrigins());
        this.config = changed;
    }

    Origins origins() {
        return origins;
    }

    SecurityConfig limits() {
        return config;
    }
}
