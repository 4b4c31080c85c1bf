package org.shebao.engine.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.engine.internal.task.TaskAdmin;
import org.shebao.engine.internal.task.TaskDto;

/** {@code shebao:task-show <id>}: one task whole: state, review stage and claim, data, history. */
@Service
@Command(scope = "shebao", name = "task-show", description = "Shows one task: state, review stage, claim, data, history")
public class TaskShowCommand implements Action {

    @Reference
    TaskAdmin tasks;

    @Argument(index = 0, name = "id", required = true, description = "The task's number")
    long id;

    @Override
    public Object execute() {
        // printed, not returned: the shell prints returned values only at an interactive console, not for bin/client -b
        System.out.println(run());
        return null;
    }

    private String run() {
        var shown = tasks.show(id).orElse(null);
        if (shown == null) {
            return "No task " + id + ".";
        }
        TaskDto t = shown.task();
        StringBuilder out = new StringBuilder();
        out.append("Task ").append(t.id()).append(": ").append(t.businessType()).append(" (").append(t.businessName())
                .append("), ").append(t.state()).append(", version ").append(t.version()).append('\n');
        out.append("Citizen ").append(t.applicant()).append(", district ").append(t.district()).append('\n');
        out.append("Review: ").append(shown.reviewStage() == null ? "-" : shown.reviewStage())
                .append(shown.reviewNote() == null ? "" : " (" + shown.reviewNote() + ")")
                .append(shown.claimedBy() == null ? ", not claimed" : ", claimed by " + shown.claimedBy() + " until "
                        + Instant.ofEpochMilli(shown.claimedUntil())).append('\n');
        out.append("Data: ").append(t.data()).append('\n');
        out.append("History:\n");
        t.history().forEach(h -> out.append("  ").append(h.at()).append("  ").append(h.actor()).append("  ")
                .append(h.from() == null ? "-" : h.from()).append(" -> ").append(h.to())
                .append(h.comment() == null ? "" : "  " + h.comment()).append('\n'));
        return out.toString().stripTrailing();
    }
}
