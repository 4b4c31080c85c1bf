package org.shebao.engine.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.task.ApprovalPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health}: a real database round trip and the business types present; {@code /ready} and
 * {@code /live} for load balancers and supervisors. No login. Its references are all optional: it answers from the
 * start, a node waiting for its database included.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("health")
public class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    private static final int TIMEOUT_SECONDS = 3;

    /** The answer. */
    public record Health(String status, String database, List<PluginInfo> plugins) {
    }

    /** Readiness: the engine's persistence unit exists once its migrations are done. */
    public record Readiness(String status, String database, String migrations, String pipeline) {
    }

    /** Liveness. */
    public record Liveness(String status) {
    }

    /** A business type present now. */
    public record PluginInfo(String id, String version) {
    }

    /** The business types present (absent until the district switches can be read from the database). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BusinessTypeRegistry businessTypes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ApprovalPipeline pipeline;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.jndi.service.name=shebao)")
    private volatile DataSource dataSource;

    /** Not used but for its presence: it is there once the engine's migrations are done (see SchemaMigrations). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.unit.name=shebao-engine)")
    private volatile JpaTemplate engineUnit;

    /** 200 once the database answers and the engine's tables are migrated (a 200 means the platform is up), else 503. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean database = databaseUp();
        BusinessTypeRegistry types = businessTypes;
        boolean up = database && engineUnit != null && types != null;
        List<PluginInfo> plugins = types == null ? List.of()
                : types.all().stream().map(t -> new PluginInfo(t.id(), t.version())).toList();
        return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN", database ? "UP" : "DOWN", plugins))
                .build();
    }

    /**
     * {@code GET /api/health/ready}, for load balancers: 200 when this node can serve (database reachable,
     * migrations done, the approval pipeline running), else 503.
     */
    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        boolean database = databaseUp();
        boolean migrated = engineUnit != null;
        ApprovalPipeline p = pipeline;
        boolean working = p != null && p.running();
        boolean ready = database && migrated && working;
        return Response.status(ready ? 200 : 503).entity(new Readiness(ready ? "UP" : "DOWN", database ? "UP" : "DOWN",
                migrated ? "UP" : "DOWN", working ? "UP" : "DOWN")).build();
    }

    /** {@code GET /api/health/live}: 200 while this JVM answers HTTP at all (restart it otherwise). */
    @GET
    @Path("live")
    @Produces(MediaType.APPLICATION_JSON)
    public Response live() {
        return Response.ok(new Liveness("UP")).build();
    }

    private boolean databaseUp() {
        DataSource ds = dataSource;
        if (ds == null) {
            return false;
        }
        try (Connection connection = ds.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warn("Health check: database unreachable: {}", e.getMessage());
            return false;
        }
    }
}
