package org.shebao.engine.internal.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.shebao.engine.internal.account.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events for each logged-in caller ({@code /api/events}): the transitions of their own tasks
 * ({@code shebao/task/*}, event {@code task}) and what plugins post for them on {@code shebao/console/<topic>}
 * with the properties {@code login} (the recipient) and {@code data} (a JSON text), as event {@code notice} with
 * data {@code {"topic": <topic>, "data": <data>}}; and their slips' payments ({@code shebao/payment/*}, event
 * {@code payment} {@code {voucherNo, status}}); and their new inbox entries ({@code shebao/notification/*}, event
 * {@code notification} {@code {id, kind}}: the console counts the unread ones again).
 */
@Component(service = {EventHub.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=shebao/task/*", EventConstants.EVENT_TOPIC + "=shebao/console/*",
                EventConstants.EVENT_TOPIC + "=shebao/payment/*", EventConstants.EVENT_TOPIC + "=shebao/notification/*"})
public class EventHub implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /**
     * One open stream of a session ({@code session}: its key) of a login. Event data is JSON text, written as it is
     * (text/plain: no provider re-encodes it).
     */
    record Subscriber(SseEventSink sink, Sse sse, String session, String login, long opened) {
    }

    /** The key under which a district's reviewers listen. */
    static final String REVIEWERS = "reviewers:";

    private final Map<String, Set<Subscriber>> byLogin = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final SessionStore sessions;
    private final AtomicLong opened = new AtomicLong();

    @Activate
    public EventHub(@Reference SessionStore sessions) {
        this.sessions = sessions;
        // a comment every 20 s keeps proxies from closing idle streams, finds the closed ones, and closes the streams
        // of sessions that ended (expired, or logged out on another node)
        heartbeat.scheduleWithFixedDelay(this::beat, 20, 20, TimeUnit.SECONDS);
    }

    /**
     * Opens a stream for the session of the login, heard under the key (the login, or a district's reviewers). A
     * login holds at most {@code maxStreamsPerUser} streams: a new one closes its oldest (a reloaded page's old
     * stream may not be known closed yet).
     */
    void subscribe(String key, String session, String login, SseEventSink sink, Sse sse) {
        List<Map.Entry<String, Subscriber>> mine = byLogin.entrySet().stream()
                .flatMap(e -> e.getValue().stream().filter(s -> s.login().equals(login)).map(s -> Map.entry(e.getKey(), s)))
                .sorted(Comparator.comparingLong(e -> e.getValue().opened())).toList();
        for (int i = 0; i <= mine.size() - sessions.maxStreamsPerUser(); i++) {
            drop(mine.get(i).getKey(), mine.get(i).getValue());
        }
        Subscriber subscriber = new Subscriber(sink, sse, session, login, opened.incrementAndGet());
        byLogin.computeIfAbsent(key, l -> ConcurrentHashMap.newKeySet()).add(subscriber);
        send(key, subscriber, sse.newEventBuilder().comment("connected").build());
    }

    /** Closes the login's streams of sessions other than the one given (a password change ended them). */
    public void closeOthers(String login, String keep) {
        byLogin.forEach((key, set) -> set.stream().filter(s -> s.login().equals(login) && !s.session().equals(keep))
                .forEach(s -> drop(key, s)));
    }

    /** Closes the streams of a session that ended here (logout). */
    public void closeSession(String session) {
        byLogin.forEach((key, set) -> set.stream().filter(s -> s.session().equals(session)).forEach(s -> drop(key, s)));
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (topic.startsWith("shebao/task/")) {
            String owner = (String) event.getProperty("owner");
            String json = "{\"id\":" + event.getProperty("id") + ",\"state\":\"" + event.getProperty("state")
                    + "\",\"businessType\":\"" + event.getProperty("businessType") + "\"}";
            broadcast(owner, "task", json);
            // the district's reviewers hear of sent tasks too (their inbox follows without a reload); no citizen data,
            // and nothing of drafts
            if (!"DRAFT".equals(String.valueOf(event.getProperty("state")))) {
                broadcast(REVIEWERS + event.getProperty("district"), "task", json);
            }
        } else if (topic.startsWith("shebao/notification/") && event.getProperty("login") instanceof String login) {
            // to each stream of the person: under the login, or (a reviewer's) under the district's reviewers
            String json = "{\"id\":" + event.getProperty("id") + ",\"kind\":\"" + event.getProperty("kind") + "\"}";
            byLogin.forEach((key, set) -> {
                if (key.equals(login) || key.startsWith(REVIEWERS)) {
                    set.stream().filter(s -> s.login().equals(login)).forEach(s -> send(key, s, s.sse().newEventBuilder()
                            .name("notification").mediaType(javax.ws.rs.core.MediaType.TEXT_PLAIN_TYPE)
                            .data(String.class, json).build()));
                }
            });
        } else if (topic.startsWith("shebao/payment/") && event.getProperty("login") instanceof String login) {
            broadcast(login, "payment", "{\"voucherNo\":\"" + event.getProperty("voucherNo") + "\",\"status\":\""
                    + event.getProperty("status") + "\"}");
        } else if (event.getProperty("login") instanceof String login && event.getProperty("data") instanceof String data) {
            // one event name for what plugins publish; the data says which plugin and what
            broadcast(login, "notice", "{\"topic\":\"" + topic.substring(topic.lastIndexOf('/') + 1).replace("\"", "")
                    + "\",\"data\":" + data + "}");
        }
    }

    private void broadcast(String login, String name, String json) {
        Set<Subscriber> subscribers = login == null ? null : byLogin.get(login);
        if (subscribers == null) {
            return;
        }
        for (Subscriber s : subscribers) {
            send(login, s, s.sse().newEventBuilder().name(name).mediaType(javax.ws.rs.core.MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, json).build());
        }
    }

    private void send(String login, Subscriber s, javax.ws.rs.sse.OutboundSseEvent event) {
        if (s.sink().isClosed()) {
            drop(login, s);
            return;
        }
        s.sink().send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                drop(login, s);
            }
        });
    }

    private void drop(String login, Subscriber s) {
        Set<Subscriber> set = byLogin.get(login);
        if (set != null) {
            set.remove(s);
        }
        try {
            s.sink().close();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    private void beat() {
        try {
            Set<String> open = byLogin.values().stream().flatMap(Set::stream).map(Subscriber::session)
                    .collect(Collectors.toSet());
            Set<String> alive = sessions.alive(open);
            byLogin.forEach((key, set) -> set.forEach(s -> {
                if (alive.contains(s.session())) {
                    send(key, s, s.sse().newEventBuilder().comment("").build());
                } else {
                    drop(key, s);
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("Live event heartbeat failed; next in 20 s", e);
        }
    }

    int subscribers() {
        return byLogin.values().stream().mapToInt(Set::size).sum();
    }

    @Deactivate
    void stop() {
        heartbeat.shutdownNow();
        byLogin.forEach((login, set) -> set.forEach(s -> drop(login, s)));
    }
}
