package org.shebao.engine.internal.task;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.osgi.service.event.Event;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.cluster.ClusterEvents;

public class TaskCountsTest {

    private final AtomicLong now = new AtomicLong();
    private final TaskCounts counts = new TaskCounts(now::get);
    private final AtomicLong queries = new AtomicLong();
    private long inDatabase = 1_400;

    private long count(String owner, TaskState state) {
        return counts.count(owner, state, () -> {
            queries.incrementAndGet();
            return inDatabase;
        });
    }

    @Test
    public void aCountIsKeptUntilATransitionOfTheCitizen() {
        assertEquals(1_400, count("a", TaskState.APPROVED));
        inDatabase = 1_401;
        assertEquals("kept", 1_400, count("a", TaskState.APPROVED));
        assertEquals(1, queries.get());
        counts.changed("b");
        assertEquals("another citizen's transition", 1_400, count("a", TaskState.APPROVED));
        counts.changed("a");
        assertEquals(1_401, count("a", TaskState.APPROVED));
        assertEquals(2, queries.get());
        assertEquals("each state its own", 1_401, count("a", TaskState.SUBMITTED));
        assertEquals(3, queries.get());
    }

    @Test
    public void neverLongerThanItsTimeToLive() {
        count("a", TaskState.APPROVED);
        inDatabase = 7;
        now.addAndGet(TimeUnit.SECONDS.toNanos(TaskCounts.TTL_SECONDS) - 1);
        assertEquals(1_400, count("a", TaskState.APPROVED));
        now.incrementAndGet();
        assertEquals(7, count("a", TaskState.APPROVED));
    }

    @Test
    public void aCountReadWhileTheCitizensTaskChangedIsNotKept() {
        assertEquals(1_400, counts.count("a", TaskState.APPROVED, () -> {
            counts.changed("a"); // committed while the count ran: it may or may not be in it
            return 1_400;
        }));
        inDatabase = 1_401;
        assertEquals(1_401, count("a", TaskState.APPROVED));
    }

    @Test
    public void otherNodesTransitionsAndListeningAgainDropCounts() {
        count("a", TaskState.APPROVED);
        count("b", TaskState.APPROVED);
        inDatabase = 3;
        counts.handleEvent(new Event("shebao/task/APPROVED", Map.of("owner", "a", ClusterEvents.REMOTE, true)));
        assertEquals(3, count("a", TaskState.APPROVED));
        assertEquals(1_400, count("b", TaskState.APPROVED));
        counts.handleEvent(new Event(ClusterEvents.LISTENING, Map.of()));
        assertEquals(3, count("b", TaskState.APPROVED));
    }
}
