package org.shebao.engine.internal.task;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.engine.internal.cluster.ClusterEvents;

/**
 * Each transition, as {@code shebao/task/<STATE>}: announced to the other nodes within the transaction that made it
 * (they hear of it when it commits, even if this node dies right after), then posted on this node's EventAdmin once
 * committed.
 */
@Component(service = TaskEvents.class)
public class TaskEvents {

    public static final String TOPIC_PREFIX = "shebao/task/";

    private final EventAdmin eventAdmin;
    private final ClusterEvents cluster;
    private final TaskCounts counts;

    @Activate
    public TaskEvents(@Reference EventAdmin eventAdmin, @Reference ClusterEvents cluster, @Reference TaskCounts counts) {
        this.eventAdmin = eventAdmin;
        this.cluster = cluster;
        this.counts = counts;
    }

    /** In the transaction that made the transition, after its writes; answers the task. */
    TaskDto announced(EntityManager em, TaskDto task) {
        cluster.sendWithin(em, topic(task), properties(task));
        return task;
    }

    /**
     * After the transaction that announced it committed, before the caller is answered: the citizen's counts are
     * counted again, and this node's listeners hear of it.
     */
    void published(TaskDto task) {
        counts.changed(task.applicant());
        Map<String, Object> properties = new HashMap<>(properties(task));
        properties.put(ClusterEvents.SENT, Boolean.TRUE);
        eventAdmin.postEvent(new Event(topic(task), properties));
    }

    private static String topic(TaskDto task) {
        return TOPIC_PREFIX + task.state().name();
    }

    private static Map<String, Object> properties(TaskDto task) {
        return Map.of("id", task.id(), "businessType", task.businessType(), "owner", task.applicant(),
                "district", task.district(), "state", task.state().name());
    }
}
