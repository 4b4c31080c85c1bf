package org.shebao.engine.internal.metrics;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.EventConstants;

import io.micrometer.core.instrument.Counter;

/** Counts task transitions by business and target state ({@code shebao_task_transitions_total}). */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=shebao/task/*")
public class TaskTransitions implements EventHandler {

    private final Metrics metrics;

    @Activate
    public TaskTransitions(@Reference Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleEvent(Event event) {
        String state = event.getTopic().substring(event.getTopic().lastIndexOf('/') + 1);
        Counter.builder("shebao.task.transitions").description("Task transitions by business and target state")
                .tag("business", String.valueOf(event.getProperty("businessType"))).tag("state", state)
                .register(metrics.registry()).increment();
    }
}
