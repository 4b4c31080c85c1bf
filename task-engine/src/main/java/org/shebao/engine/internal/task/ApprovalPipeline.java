package org.shebao.engine.internal.task;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.Node;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval pipeline: workers that claim due submitted tasks through the database (a lease per
 * task), run the business's automatic review and decide. Nodes and workers share nothing in memory;
 * after a crash, a node voids its own claims at start and others take over expired leases.
 */
@Component(immediate = true, configurationPid = ReviewConfig.PID, service = {EventHandler.class, ApprovalPipeline.class},
        property = EventConstants.EVENT_TOPIC + "=" + TaskEvents.TOPIC_PREFIX + "SUBMITTED")
@Designate(ocd = ReviewConfig.class)
public class ApprovalPipeline implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalPipeline.class);

    private final Claims claims;
    private final AutomaticDecisions decisions;
    private final ScheduledExecutorService executor;
    private final int batch;
    private final long leaseMillis;
    private final long delayMillis;
    private final List<String> workerIds = new java.util.ArrayList<>();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicBoolean> draining =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    @Activate
    public ApprovalPipeline(@Reference Claims claims, @Reference AutomaticDecisions decisions, @Reference Node self,
            ReviewConfig config) {
        this.claims = claims;
        this.decisions = decisions;
        this.batch = Math.max(1, config.batchSize());
        this.leaseMillis = Math.max(1, config.leaseSeconds()) * 1000L;
        this.delayMillis = Math.max(0, config.delaySeconds()) * 1000L;
        int workers = Math.max(1, config.workers());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(workers,
                r -> new Thread(r, "shebao-review-" + count.incrementAndGet()));
        String node = self.id();
        for (int i = 1; i <= workers; i++) {
            String worker = node + "/" + i;
            workerIds.add(worker);
            draining.put(worker, new java.util.concurrent.atomic.AtomicBoolean());
            int released = claims.release(worker);
            if (released > 0) {
                LOG.info("Worker {} voided {} claims left from before its restart", worker, released);
            }
            executor.scheduleWithFixedDelay(() -> drain(worker), 0, Math.max(10, config.pollMillis()),
                    TimeUnit.MILLISECONDS);
        }
        LOG.info("Approval pipeline: {} worker(s) on node {}", workers, node);
    }

    /** True while the workers are scheduled (for readiness). */
    public boolean running() {
        return !executor.isShutdown();
    }

    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** A task was submitted: when it is due now, a worker looks at once instead of at its next poll. */
    @Override
    public void handleEvent(Event event) {
        if (delayMillis == 0 && !executor.isShutdown()) {
            String worker = workerIds.get(Math.floorMod(next.getAndIncrement(), workerIds.size()));
            try {
                executor.execute(() -> drain(worker));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivating: the task stays submitted and is picked up after the restart
            }
        }
    }

    private void drain(String worker) {
        java.util.concurrent.atomic.AtomicBoolean busy = draining.get(worker);
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Long> claimed;
            do {
                claimed = claims.claim(worker, batch, leaseMillis);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                decisions.decideAll(claimed, worker);
            } while (!claimed.isEmpty());
        } catch (RuntimeException e) {
            LOG.warn("Approval worker {}: {}", worker, e.toString());
        } finally {
            busy.set(false);
        }
    }
}
