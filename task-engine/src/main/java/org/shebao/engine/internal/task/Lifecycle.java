package org.shebao.engine.internal.task;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.task.TaskState;

/** The one state machine of every business (ARCHITECTURE.md): which action leads where. */
public final class Lifecycle {

    /** What can be done to a task. */
    public enum Action {
        /** Change the data and save again (保存). */
        EDIT,
        /** Send to review (提交审批). */
        SUBMIT,
        /** Cancel before review (退单). */
        WITHDRAW,
        /** Approve: the effect applies (审核通过). */
        APPROVE,
        /** Send back with a reason (回退). */
        RETURN
    }

    private static final Map<TaskState, Map<Action, TaskState>> NEXT = new EnumMap<>(TaskState.class);

    static {
        NEXT.put(TaskState.DRAFT, Map.of(Action.EDIT, TaskState.DRAFT, Action.SUBMIT, TaskState.SUBMITTED,
                Action.WITHDRAW, TaskState.WITHDRAWN));
        NEXT.put(TaskState.RETURNED, Map.of(Action.EDIT, TaskState.RETURNED, Action.SUBMIT, TaskState.SUBMITTED,
                Action.WITHDRAW, TaskState.WITHDRAWN));
        NEXT.put(TaskState.SUBMITTED, Map.of(Action.APPROVE, TaskState.APPROVED, Action.RETURN, TaskState.RETURNED));
        NEXT.put(TaskState.APPROVED, Map.of());
        NEXT.put(TaskState.WITHDRAWN, Map.of());
    }

    private Lifecycle() {
    }

    /** The state after the action, or empty when the state does not allow it. */
    public static Optional<TaskState> next(TaskState from, Action action) {
        return Optional.ofNullable(NEXT.get(from).get(action));
    }

    /** The citizen's word for a state: 未提交, 进行中, 结束, 已退单 (message keys). */
    public static String statusKey(TaskState state) {
        return switch (state) {
            case DRAFT, RETURNED -> "task.status.notSubmitted";
            case SUBMITTED -> "task.status.inProgress";
            case APPROVED -> "task.status.finished";
            case WITHDRAWN -> "task.status.withdrawn";
        };
    }
}
