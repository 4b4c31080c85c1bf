package org.shebao.engine.internal.metrics;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;

/**
 * {@code shebao_db_pool_connections{state}}: the database pool's use, as pax-jdbc's DBCP2 pool (commons-pool2)
 * publishes it over JMX: connections in use ({@code active}), idle, the most allowed ({@code max}), and threads
 * waiting for one ({@code waiting}), summed over the node's pools. Read at each scrape.
 */
@Component(immediate = true)
public class DatabasePool {

    private static final ObjectName POOLS = name("org.ops4j.pax.jdbc.pool.dbcp2:type=GenericObjectPool,*");

    private final Metrics metrics;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<Meter> gauges;

    @Activate
    public DatabasePool(@Reference Metrics metrics) {
        this.metrics = metrics;
        this.gauges = List.of(gauge("active", "NumActive"), gauge("idle", "NumIdle"), gauge("max", "MaxTotal"),
                gauge("waiting", "NumWaiters"));
    }

    private Meter gauge(String state, String attribute) {
        return Gauge.builder("shebao.db.pool.connections", () -> sum(attribute)).tag("state", state)
                .description("Database pool connections (active, idle, max) and threads waiting for one")
                .register(metrics.registry());
    }

    private double sum(String attribute) {
        Set<ObjectName> pools = server.queryNames(POOLS, null);
        double total = 0;
        for (ObjectName pool : pools) {
            try {
                total += ((Number) server.getAttribute(pool, attribute)).doubleValue();
            } catch (JMException | RuntimeException e) {
                return Double.NaN;
            }
        }
        return total;
    }

    private static ObjectName name(String pattern) {
        try {
            return new ObjectName(pattern);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deactivate
    void close() {
        gauges.forEach(metrics.registry()::remove);
    }
}
