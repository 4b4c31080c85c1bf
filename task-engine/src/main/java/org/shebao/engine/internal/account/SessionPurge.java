package org.shebao.engine.internal.account;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes ended sessions every ten minutes, so that the session table holds the live ones only. Every node may do
 * it: the delete is the same wherever it runs.
 */
@Component(immediate = true)
public class SessionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPurge.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-session-purge");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public SessionPurge(@Reference SessionStore sessions) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int purged = sessions.purge();
                if (purged > 0) {
                    LOG.info("Purged {} ended sessions", purged);
                }
            } catch (RuntimeException e) {
                LOG.warn("Session purge failed; next in 10 minutes", e);
            }
        }, 1, 10, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
