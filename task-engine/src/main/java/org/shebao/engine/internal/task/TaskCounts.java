package org.shebao.engine.internal.task;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.cluster.ClusterEvents;

/**
 * How many tasks of a state a citizen has, for the list pages' {@code total} when a state fills the page (a citizen
 * with many tasks: the count reads every one of them, 35 % of such a read on Derby). A count is kept until a
 * transition of one of the citizen's tasks: on this node right after its commit, before the answer leaves
 * ({@link TaskEvents#published}); from another node when its notification arrives; everything when this node
 * listens again after losing the other nodes' events. And never longer than {@link #TTL_SECONDS}, whatever came in
 * the way. A count read while a transition of the same citizen committed is not kept.
 */
@Component(service = {TaskCounts.class, EventHandler.class}, property = {
        EventConstants.EVENT_TOPIC + "=" + TaskEvents.TOPIC_PREFIX + "*",
        EventConstants.EVENT_TOPIC + "=" + ClusterEvents.LISTENING})
public class TaskCounts implements EventHandler {

    static final long TTL_SECONDS = 10;
    /** Counts kept at most (citizens with full pages are few): beyond, all are dropped and counted again. */
    static final int MAX_KEPT = 20_000;
    private static final int STRIPES = 64;

    private record Kept(long count, long at) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Per stripe of citizens: how many times their counts were dropped (guarded by the stripe's lock). */
    private final long[] drops = new long[STRIPES];
    private final Object[] locks = new Object[STRIPES];
    private final LongSupplier nanos;

    public TaskCounts() {
        this(System::nanoTime);
    }

    TaskCounts(LongSupplier nanos) {
        this.nanos = nanos;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The citizen's number of tasks in the state: kept, or counted by the query (and kept). */
    public long count(String owner, TaskState state, LongSupplier query) {
        String key = owner + '|' + state.name();
        long now = nanos.getAsLong();
        Kept k = kept.get(key);
        if (k != null && now - k.at() < TimeUnit.SECONDS.toNanos(TTL_SECONDS)) {
            return k.count();
        }
        int stripe = stripe(owner);
        long before;
        synchronized (locks[stripe]) {
            before = drops[stripe];
        }
        long counted = query.getAsLong();
        synchronized (locks[stripe]) {
            if (drops[stripe] == before) {
                if (kept.size() >= MAX_KEPT) {
                    kept.clear();
                }
                kept.put(key, new Kept(counted, now));
            }
        }
        return counted;
    }

    /** A task of the citizen changed state (committed): their counts are counted again. */
    public void changed(String owner) {
        int stripe = stripe(owner);
        synchronized (locks[stripe]) {
            drops[stripe]++;
            for (TaskState state : TaskState.values()) {
                kept.remove(owner + '|' + state.name());
            }
        }
    }

    /** Every count is counted again (this node may have missed other nodes' transitions). */
    public void forgetAll() {
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            synchronized (locks[stripe]) {
                drops[stripe]++;
            }
        }
        kept.clear();
    }

    @Override
    public void handleEvent(Event event) {
        if (ClusterEvents.LISTENING.equals(event.getTopic())) {
            forgetAll();
        } else if (Boolean.TRUE.equals(event.getProperty(ClusterEvents.REMOTE))
                && event.getProperty("owner") instanceof String owner) {
            changed(owner); // this node's own transitions: at once, in TaskEvents
        }
    }

    private static int stripe(String owner) {
        return Math.floorMod(owner.hashCode(), STRIPES);
    }
}
