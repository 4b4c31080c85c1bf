package org.shebao.engine.internal.shell;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.task.TaskAdmin;

/** {@code shebao:task-list [--state S] [--business B] [--max N]}: tasks by state, newest first. */
@Service
@Command(scope = "shebao", name = "task-list", description = "Lists tasks by state")
public class TaskListCommand implements Action {

    @Reference
    TaskAdmin tasks;

    @Option(name = "--state", description = "DRAFT, SUBMITTED, APPROVED, RETURNED or WITHDRAWN (default SUBMITTED)")
    String state = "SUBMITTED";

    @Option(name = "--business", description = "Only this business type")
    String business;

    @Option(name = "--max", description = "At most this many rows (default 50)")
    int max = 50;

    @Override
    public Object execute() {
        TaskState wanted;
        try {
            wanted = TaskState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.out.println("Unknown state " + state + "; one of " + java.util.Arrays.toString(TaskState.values()));
            return null;
        }
        List<TaskAdmin.Row> rows = tasks.list(wanted, business, Math.max(1, Math.min(max, 1000)));
        ShellTable table = new ShellTable();
        for (String c : List.of("Task", "Business", "Version", "District", "Stage", "Updated")) {
            table.column(c);
        }
        rows.forEach(r -> table.addRow().addContent(r.id(), r.businessType(), r.businessVersion(), r.district(),
                r.stage() == null ? "" : r.stage(), Instant.ofEpochMilli(r.updatedAt())));
        table.print(System.out);
        return null;
    }
}
