package org.shebao.engine.internal.records;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-rates shortly after a rates row arrives, at run time or found at start-up (once for a burst of rows): lines
 * computed provisionally may have their year's rates now. The ledger job re-rates on each run too.
 */
@Component(immediate = true)
public class RatesWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RatesWatch.class);

    private final Rerating rerating;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-rerating");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    @Activate
    public RatesWatch(@Reference Rerating rerating) {
        this.rerating = rerating;
        trigger();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRow(RatesRow row) {
        trigger();
    }

    void removeRow(RatesRow row) {
        // a row taken away re-rates nothing: lines keep what they were computed with
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void trigger() {
        if (pending.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    pending.set(false);
                    try {
                        rerating.run();
                    } catch (RuntimeException e) {
                        LOG.error("Re-rating failed; the ledger job tries again", e);
                    }
                }, 1, TimeUnit.SECONDS);
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }
}
