package org.shebao.engine.internal.metrics;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.admin.Overview;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;

/** {@code shebao_pipeline_lag_seconds}: the age of the oldest submitted task still with the automatic review (0 if none). */
@Component(immediate = true)
public class PipelineLag {

    private final Metrics metrics;
    private final Meter gauge;

    @Activate
    public PipelineLag(@Reference Metrics metrics, @Reference Overview overview) {
        this.metrics = metrics;
        this.gauge = Gauge.builder("shebao.pipeline.lag", overview, PipelineLag::lag).baseUnit("seconds")
                .description("Age of the oldest submitted task waiting for its automatic review").register(metrics.registry());
    }

    private static double lag(Overview overview) {
        try {
            Long lag = overview.pipelineLagSeconds(null);
            return lag == null ? 0 : lag;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    @Deactivate
    void close() {
        metrics.registry().remove(gauge);
    }
}
