package org.shebao.engine.internal.metrics;

import java.io.IOException;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.engine.internal.cluster.ClientAddresses;

/**
 * {@code GET /metrics}: the node's meters in Prometheus' text format, answered only to the client addresses in
 * {@code allowedAddresses} of {@code etc/org.shebao.metrics.cfg} (loopback by default; behind a trusted proxy the
 * address it forwards counts); 403 to any other.
 */
@Component(service = Servlet.class, configurationPid = "org.shebao.metrics")
@Designate(ocd = MetricsServlet.Config.class)
@HttpWhiteboardServletPattern("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Shebao metrics")
    public @interface Config {
        @AttributeDefinition(description = "Client addresses that may read /metrics (a Prometheus server's)")
        String[] allowedAddresses() default {"127.0.0.1", "0:0:0:0:0:0:0:1", "::1"};
    }

    private final transient Metrics metrics;
    private final transient ClientAddresses addresses;
    private volatile Set<String> allowed;

    @Activate
    public MetricsServlet(@Reference Metrics metrics, @Reference ClientAddresses addresses, Config config) {
        this.metrics = metrics;
        this.addresses = addresses;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        this.allowed = Set.of(String.join(",", config.allowedAddresses()).split("\\s*,\\s*"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String client = addresses.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        if (!allowed.contains(client)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "metrics are not served to " + client);
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(metrics.scrape());
    }
}
