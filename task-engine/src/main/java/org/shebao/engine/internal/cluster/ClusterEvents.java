package org.shebao.engine.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Live events across nodes through PostgreSQL's {@code LISTEN/NOTIFY}: what this node publishes for browsers (task
 * transitions, plugins' notices, payments, inbox entries) is sent on the channel {@code shebao_events}; what other nodes send is
 * posted on this node's EventAdmin with {@code shebao.remote = true} (and never sent on again), so that a browser
 * connected to node B hears the decision that node A's worker made, and B's workers wake for tasks submitted on A.
 * What must not be lost with a node that dies right after its commit (task transitions) is sent within the transaction
 * that made it ({@link #sendWithin}): PostgreSQL delivers such a notification when, and only when, the transaction
 * commits; the event posted here afterwards carries {@link #SENT} and is not sent again. On Derby (one node) it does
 * nothing.
 */
@Component(service = {ClusterEvents.class, EventHandler.class}, immediate = true, property = {EventConstants.EVENT_TOPIC + "=shebao/task/*",
        EventConstants.EVENT_TOPIC + "=shebao/console/*", EventConstants.EVENT_TOPIC + "=shebao/payment/*",
        EventConstants.EVENT_TOPIC + "=shebao/notification/*"})
public class ClusterEvents implements EventHandler {

    public static final String REMOTE = "shebao.remote";
    /** On an event posted after its transaction committed: the other nodes were told within that transaction. */
    public static final String SENT = "shebao.sent";
    /** Posted here each time this node listens (again): what other nodes sent before may have been missed. */
    public static final String LISTENING = "shebao/cluster/LISTENING";
    static final String CHANNEL = "shebao_events";
    /** PostgreSQL's limit for a notification's payload is 8000 bytes (UTF-8 here). */
    private static final int MAX_PAYLOAD = 7900;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What travels: the sending node, the topic, the event's plain properties. */
    record Message(String node, String topic, Map<String, Object> properties) {
    }

    private final ClusterDatabase database;
    private final EventAdmin events;
    private final String node;
    private final Thread listener;
    private volatile boolean running = true;

    @Activate
    public ClusterEvents(@Reference ClusterDatabase database, @Reference EventAdmin events, @Reference Node node) {
        this.database = database;
        this.events = events;
        this.node = node.id();
        this.listener = new Thread(this::listen, "shebao-cluster-events");
        listener.setDaemon(true);
        if (database.postgres()) {
            listener.start();
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        listener.interrupt();
        listener.join(5_000);
    }

    @Override
    public void handleEvent(Event event) {
        if (!database.postgres() || Boolean.TRUE.equals(event.getProperty(REMOTE))
                || Boolean.TRUE.equals(event.getProperty(SENT))) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        try {
            String payload = payload(event.getTopic(), properties);
            if (payload != null) {
                database.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, payload);
            }
        } catch (Exception e) {
            LOG.warn("Event {} not sent to the other nodes: {}", event.getTopic(), e.toString());
        }
    }

    /**
     * Sends the event to the other nodes as part of the entity manager's open transaction: they hear of it when the
     * transaction commits, and never if it rolls back. Nothing on Derby.
     */
    public void sendWithin(EntityManager transaction, String topic, Map<String, ?> properties) {
        String payload = database.postgres() ? payload(topic, properties) : null;
        if (payload != null) {
            try (PreparedStatement s = transaction.unwrap(Connection.class).prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, CHANNEL);
                s.setString(2, payload);
                s.execute();
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        }
    }

    /** What travels for the event (its plain properties), or null if too large for a notification. */
    private String payload(String topic, Map<String, ?> properties) {
        Map<String, Object> plain = new HashMap<>();
        properties.forEach((name, value) -> {
            if (!name.equals(EventConstants.EVENT_TOPIC) && !name.equals(SENT) && (value instanceof String
                    || value instanceof Number || value instanceof Boolean)) {
                plain.put(name, value);
            }
        });
        String payload;
        try {
            payload = JSON.writeValueAsString(new Message(node, topic, plain));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        int bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD) {
            LOG.warn("Event {} too large to cross nodes ({} bytes)", topic, bytes);
            return null;
        }
        return payload;
    }

    private void listen() {
        while (running) {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                LOG.info("Listening to the other nodes' events on {}", CHANNEL);
                events.postEvent(new Event(LISTENING, Map.of()));
                while (running) {
                    PGNotification[] received = pg.getNotifications(1_000);
                    if (received != null) {
                        for (PGNotification n : received) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Cross-node events interrupted, listening again in 2 s: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            Message m = JSON.readValue(payload, new TypeReference<Message>() { });
            if (!node.equals(m.node())) {
                Map<String, Object> properties = new HashMap<>(m.properties());
                properties.put(REMOTE, Boolean.TRUE);
                LOG.debug("Event {} from {}: id={}", m.topic(), m.node(), m.properties().get("id"));
                events.postEvent(new Event(m.topic(), properties));
            }
        } catch (Exception e) {
            LOG.warn("Unreadable cross-node event ignored: {}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
