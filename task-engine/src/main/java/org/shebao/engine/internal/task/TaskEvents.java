package org.shebao.engine.internal.task;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.api.task.TaskState;

/** Publishes each committed transition on EventAdmin as {@code shebao/task/<STATE>}. */
@Component(service = TaskEvents.class)
public class TaskEvents {

    public static final String TOPIC_PREFIX = "shebao/task/";

    private final EventAdmin eventAdmin;

    @Activate
    public TaskEvents(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /** Call after the transaction committed. */
    public void published(long id, String businessType, String owner, String district, TaskState state) {
        eventAdmin.postEvent(new Event(TOPIC_PREFIX + state.name(), Map.of("id", id, "businessType", businessType,
                "owner", owner, "district", district, "state", state.name())));
    }

    void published(TaskDto task) {
        published(task.id(), task.businessType(), task.applicant(), task.district(), task.state());
    }
}
