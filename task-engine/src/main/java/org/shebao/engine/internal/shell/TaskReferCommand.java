package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.task.TaskAdmin;

/** {@code shebao:task-refer [--note …] <id>}: sends a stuck submitted task to a reviewer of its district. */
@Service
@Command(scope = "shebao", name = "task-refer", description = "Sends a submitted task to a reviewer of its district")
public class TaskReferCommand implements Action {

    @Reference
    TaskAdmin tasks;

    @Reference
    AuditLog audit;

    @Argument(index = 0, name = "id", required = true, description = "The task's number")
    long id;

    @Option(name = "--note", description = "What the reviewer reads (default: referred by the operator)")
    String note = "由运维人员转人工审核";

    @Override
    public Object execute() {
        // printed, not returned: the shell prints returned values only at an interactive console, not for bin/client -b
        System.out.println(run());
        return null;
    }

    private String run() {
        var before = tasks.refer(id, note).orElse(null);
        if (before == null) {
            return "No task " + id + ".";
        }
        if (before != TaskState.SUBMITTED) {
            return "Task " + id + " is " + before + ": only a SUBMITTED task is referred; nothing changed.";
        }
        audit.record("shell", "TASK_REFERRED", "task " + id, null, null, note);
        return "Task " + id + " referred to a reviewer of its district.";
    }
}
