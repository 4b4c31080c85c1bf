package org.shebao.engine.internal.metrics;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * The platform's meters (Micrometer), every name prefixed {@code shebao.} ({@code shebao_} in Prometheus' text):
 * HTTP requests, task transitions, the pipeline's lag, ledger runs, logins, and the JVM's memory, threads, CPU and
 * uptime. One registry per node; {@code /metrics} scrapes it.
 */
@Component(service = Metrics.class)
public class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Activate
    public Metrics() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("shebao.") ? id : id.withName("shebao." + id.getName());
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in Prometheus' text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Deactivate
    void close() {
        registry.close();
    }
}
