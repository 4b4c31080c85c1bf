package org.shebao.engine.internal.rest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Server-sent events for each logged-in caller ({@code /api/events}): the transitions of their own tasks
 * ({@code shebao/task/*}, event {@code task}) and what plugins post for them on {@code shebao/console/<topic>}
 * with the properties {@code login} (the recipient) and {@code data} (a JSON text), as event {@code notice} with
 * data {@code {"topic": <topic>, "data": <data>}}; and their slips' payments ({@code shebao/payment/*}, event
 * {@code payment} {@code {voucherNo, status}}).
 */
@Component(service = {EventHub.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=shebao/task/*", EventConstants.EVENT_TOPIC + "=shebao/console/*",
                EventConstants.EVENT_TOPIC + "=shebao/payment/*"})
public class EventHub implements EventHandler {

    /** One open stream. Event data is JSON text, written as it is (text/plain: no provider re-encodes it). */
    record Subscriber(SseEventSink sink, Sse sse) {
    }

    /** The key under which a district's reviewers listen. */
    static final String REVIEWERS = "reviewers:";

    private final Map<String, Set<Subscriber>> byLogin = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public EventHub() {
        // a comment every 20 s keeps proxies from closing idle streams and finds the closed ones
        heartbeat.scheduleWithFixedDelay(this::beat, 20, 20, TimeUnit.SECONDS);
    }

    void subscribe(String login, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(sink, sse);
        byLogin.computeIfAbsent(login, l -> ConcurrentHashMap.newKeySet()).add(subscriber);
        send(login, subscriber, sse.newEventBuilder().comment("connected").build());
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (topic.startsWith("shebao/task/")) {
            String owner = (String) event.getProperty("owner");
            String json = "{\"id\":" + event.getProperty("id") + ",\"state\":\"" + event.getProperty("state")
                    + "\",\"businessType\":\"" + event.getProperty("businessType") + "\"}";
            broadcast(owner, "task", json);
            // the district's reviewers hear of it too (their inbox follows without a reload); no citizen data
            broadcast(REVIEWERS + event.getProperty("district"), "task", json);
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
        byLogin.forEach((login, set) -> set.forEach(s -> send(login, s, s.sse().newEventBuilder().comment("").build())));
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
