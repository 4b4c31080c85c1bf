package org.shebao.engine.internal.notify;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.coordinator.Coordinator;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.i18n.Text;
import org.shebao.api.notify.NotificationKind;
import org.shebao.api.notify.Notifications;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.db.Transactions;

/**
 * The inbox of every person. An entry is written in the transaction of what it tells (a decision, a payment), with a
 * pending delivery for each {@link org.shebao.api.notify.Notifier} registered then; once that transaction is over,
 * {@value #TOPIC} tells the person's consoles (on every node) and this node's {@link Deliveries}.
 */
@Component(service = {Inbox.class, Notifications.class})
public class Inbox implements Notifications {

    public static final String TOPIC = "shebao/notification/POSTED";

    /** An entry as its reader sees it. */
    public record Entry(long id, NotificationKind kind, String text, java.time.Instant at, boolean read, String link) {
    }

    private record Posted(long id, String recipient, NotificationKind kind) {
    }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final EventAdmin events;
    private final Coordinator coordinator;
    private final NotifierRegistry notifiers;

    @Activate
    public Inbox(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference Clock clock,
            @Reference EventAdmin events, @Reference Coordinator coordinator, @Reference NotifierRegistry notifiers) {
        this.jpa = jpa;
        this.clock = clock;
        this.events = events;
        this.coordinator = coordinator;
        this.notifiers = notifiers;
    }

    @Override
    public long post(String recipient, NotificationKind kind, Text text, String link) {
        if (recipient == null || recipient.isBlank() || kind == null || text == null) {
            throw new IllegalArgumentException("a notification needs a recipient, a kind and a text");
        }
        return Transactions.inTransaction(jpa, em -> post(em, recipient, kind, text, link, null));
    }

    /** Writes the entry in the caller's transaction; {@code ref} names what a kind tells once only. */
    public long post(EntityManager em, String recipient, NotificationKind kind, Text text, String link, String ref) {
        long now = clock.millis();
        NotificationEntity n = new NotificationEntity(recipient, kind, text, link, ref, now);
        em.persist(n);
        em.flush(); // the identity column gives the id at the insert
        for (String notifier : notifiers.names()) {
            em.persist(new DeliveryEntity(n.id, notifier, now));
        }
        AfterCommit.add(coordinator, Inbox.class, new Posted(n.id, recipient, kind), this::published);
        return n.id;
    }

    private void published(List<Posted> posted) {
        posted.forEach(p -> events.postEvent(new Event(TOPIC, Map.of("id", p.id(), "login", p.recipient(),
                "kind", p.kind().name()))));
    }

    /** The person's entries, newest first; only the unread ones when asked. */
    public Page<Entry> list(String recipient, boolean unreadOnly, int page, int size, Locale locale) {
        return Transactions.inTransaction(jpa, em -> {
            String where = " FROM NotificationEntity n WHERE n.recipient = :r" + (unreadOnly ? " AND n.readAt IS NULL" : "");
            long total = em.createQuery("SELECT COUNT(n)" + where, Long.class).setParameter("r", recipient).getSingleResult();
            List<Entry> items = em.createQuery("SELECT n" + where + " ORDER BY n.createdAt DESC, n.id DESC", NotificationEntity.class)
                    .setParameter("r", recipient).setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(n -> new Entry(n.id, n.kind, n.text(locale), java.time.Instant.ofEpochMilli(n.createdAt),
                            n.readAt != null, n.link)).toList();
            return new Page<>(items, total, page, size);
        });
    }

    /** How many entries the person has not read. */
    public long unread(String recipient) {
        return Transactions.inTransaction(jpa, em -> em.createQuery("SELECT COUNT(n) FROM NotificationEntity n"
                + " WHERE n.recipient = :r AND n.readAt IS NULL", Long.class).setParameter("r", recipient).getSingleResult());
    }

    /** Marks the person's entry read (again: no change); another person's or none: 404. */
    public void markRead(String recipient, long id) {
        Transactions.inTransaction(jpa, em -> {
            NotificationEntity n = em.find(NotificationEntity.class, id);
            if (n == null || !n.recipient.equals(recipient)) {
                throw new ShebaoException(Kind.NOT_FOUND, "notification-missing",
                        Messages.text("notification.missing", String.valueOf(id)));
            }
            if (n.readAt == null) {
                n.readAt = clock.millis();
            }
            return null;
        });
    }

    /** Marks all the person's entries read; answers how many were unread. */
    public int markAllRead(String recipient) {
        return Transactions.inTransaction(jpa, em -> em.createQuery("UPDATE NotificationEntity n SET n.readAt = :now"
                + " WHERE n.recipient = :r AND n.readAt IS NULL").setParameter("now", clock.millis())
                .setParameter("r", recipient).executeUpdate());
    }
}
