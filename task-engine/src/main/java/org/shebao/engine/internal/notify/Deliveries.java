package org.shebao.engine.internal.notify;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.api.i18n.Text;
import org.shebao.api.notify.Delivery;
import org.shebao.api.notify.Notifier;
import org.shebao.engine.internal.cluster.ClusterEvents;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.notify.DeliveryEntity.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands inbox entries to the notifiers, outside any transaction and off the event thread: at once when an entry was
 * written on this node, and again when due ({@link Backoff}) from a timer that any node runs; a node takes a delivery
 * by moving its time on (optimistic lock), so that one node tries it, and another takes it over when that node died.
 */
@Component(service = {Deliveries.class, EventHandler.class}, configurationPid = "org.shebao.notifications",
        property = EventConstants.EVENT_TOPIC + "=" + Inbox.TOPIC)
@Designate(ocd = Deliveries.Config.class)
public class Deliveries implements EventHandler {

    @ObjectClassDefinition(name = "Shebao notifications")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between looks for deliveries due again")
        int retrySeconds() default 30;
    }

    /** What one pass did. */
    public record Summary(int delivered, int retrying, int gaveUp) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    /** How long a node holds a delivery it is trying. */
    private static final long LEASE_MILLIS = 5 * 60_000;
    private static final int BATCH = 200;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final NotifierRegistry notifiers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-notifier-deliveries");
        t.setDaemon(true);
        return t;
    });

    private record Taken(long id, String notifier, long createdAt, Delivery delivery) {
    }

    @Activate
    public Deliveries(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference Clock clock,
            @Reference NotifierRegistry notifiers, Config config) {
        this.jpa = jpa;
        this.clock = clock;
        this.notifiers = notifiers;
        int every = Math.max(1, config.retrySeconds());
        timer.scheduleWithFixedDelay(this::dueQuietly, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        if (Boolean.TRUE.equals(event.getProperty(ClusterEvents.REMOTE)) || !(event.getProperty("id") instanceof Long id)
                || notifiers.names().isEmpty()) {
            return; // the node that wrote the entry delivers it; with no notifier running, the timer's passes will
        }
        timer.execute(() -> {
            try {
                pass(tx(em -> em.createQuery("SELECT d.id FROM DeliveryEntity d WHERE d.notificationId = :n"
                        + " AND d.state = :pending", Long.class).setParameter("n", id).setParameter("pending", State.PENDING)
                        .getResultList()));
            } catch (RuntimeException e) {
                LOG.warn("Deliveries of notification {} left to the next pass: {}", id, e.toString());
            }
        });
    }

    /** Tries every delivery due now (the shell's {@code shebao:notifications-deliver}, and the timer). */
    public Summary deliverDue() {
        return pass(tx(em -> em.createQuery("SELECT d.id FROM DeliveryEntity d WHERE d.state = :pending"
                + " AND d.nextAt <= :now ORDER BY d.nextAt", Long.class).setParameter("pending", State.PENDING)
                .setParameter("now", clock.millis()).setMaxResults(BATCH).getResultList()));
    }

    private void dueQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Notifier deliveries: pass failed, next in a while: {}", e.toString());
        }
    }

    private Summary pass(List<Long> ids) {
        int delivered = 0;
        int retrying = 0;
        int gaveUp = 0;
        for (long id : ids) {
            State outcome = attempt(id);
            if (outcome == State.DELIVERED) {
                delivered++;
            } else if (outcome == State.GAVE_UP) {
                gaveUp++;
            } else if (outcome == State.PENDING) {
                retrying++;
            }
        }
        return new Summary(delivered, retrying, gaveUp);
    }

    /** One attempt; null when another node (or pass) holds the delivery or it is not due. */
    private State attempt(long id) {
        Taken taken;
        try {
            taken = tx(em -> take(em, id));
        } catch (RuntimeException e) {
            if (Transactions.optimisticLock(e)) {
                return null;
            }
            throw e;
        }
        if (taken == null) {
            return null;
        }
        try {
            Notifier notifier = notifiers.named(taken.notifier())
                    .orElseThrow(() -> new IllegalStateException("notifier " + taken.notifier() + " is not running"));
            notifier.deliver(taken.delivery());
        } catch (Exception e) {
            OptionalLong next = Backoff.next(taken.createdAt(), taken.delivery().attempt(), clock.millis());
            if (next.isEmpty()) {
                LOG.warn("Notifier {} gave up on notification {} for {} after {} attempts in 24 hours: {}", taken.notifier(),
                        taken.delivery().id(), taken.delivery().recipient(), taken.delivery().attempt(), e.toString());
                return settle(id, taken.delivery().attempt(), State.GAVE_UP, e.toString(), next);
            }
            LOG.info("Notifier {} failed on notification {} (attempt {}), tried again at {}: {}", taken.notifier(),
                    taken.delivery().id(), taken.delivery().attempt(), java.time.Instant.ofEpochMilli(next.getAsLong()), e.toString());
            return settle(id, taken.delivery().attempt(), State.PENDING, e.toString(), next);
        }
        return settle(id, taken.delivery().attempt(), State.DELIVERED, null, OptionalLong.empty());
    }

    private Taken take(javax.persistence.EntityManager em, long id) {
        long now = clock.millis();
        DeliveryEntity d = em.find(DeliveryEntity.class, id);
        if (d == null || d.state != State.PENDING || d.nextAt > now) {
            return null;
        }
        d.attempts++;
        d.nextAt = now + LEASE_MILLIS;
        em.flush();
        NotificationEntity n = em.find(NotificationEntity.class, d.notificationId);
        Locale language = em.createQuery("SELECT a.language FROM AccountEntity a WHERE a.login = :l", String.class)
                .setParameter("l", n.recipient).getResultList().stream().filter(l -> l != null && !l.isBlank())
                .map(Locale::forLanguageTag).findFirst().orElse(Text.DEFAULT_LOCALE);
        return new Taken(d.id, d.notifier, d.createdAt,
                new Delivery(n.id, n.recipient, n.kind, n.text(language), language, n.link, d.attempts));
    }

    /** The attempt's outcome, unless another node took the delivery since (its lease ran out): then that node's. */
    private State settle(long id, int attempt, State state, String error, OptionalLong next) {
        return tx(em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, id);
            if (d == null || d.state != State.PENDING || d.attempts != attempt) {
                LOG.warn("Delivery {} was taken by another pass meanwhile; its outcome stands", id);
                return null;
            }
            d.state = state;
            d.lastError = error == null ? null : error.length() <= 500 ? error : error.substring(0, 500);
            next.ifPresent(at -> d.nextAt = at);
            return state;
        });
    }

    private <T> T tx(java.util.function.Function<javax.persistence.EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
