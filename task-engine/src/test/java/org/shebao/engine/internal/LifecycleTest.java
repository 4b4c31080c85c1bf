package org.shebao.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.task.Lifecycle;
import org.shebao.engine.internal.task.Lifecycle.Action;

/** Every allowed and every forbidden transition. */
public class LifecycleTest {

    private static final Map<String, TaskState> ALLOWED = Map.of(
            "DRAFT EDIT", TaskState.DRAFT,
            "DRAFT SUBMIT", TaskState.SUBMITTED,
            "DRAFT WITHDRAW", TaskState.WITHDRAWN,
            "RETURNED EDIT", TaskState.RETURNED,
            "RETURNED SUBMIT", TaskState.SUBMITTED,
            "RETURNED WITHDRAW", TaskState.WITHDRAWN,
            "SUBMITTED APPROVE", TaskState.APPROVED,
            "SUBMITTED RETURN", TaskState.RETURNED);

    @Test
    public void exactlyTheDocumentedTransitionsAreAllowed() {
        int allowed = 0;
        for (TaskState from : TaskState.values()) {
            for (Action action : Action.values()) {
                Optional<TaskState> next = Lifecycle.next(from, action);
                TaskState expected = ALLOWED.get(from + " " + action);
                assertEquals(from + " " + action, Optional.ofNullable(expected), next);
                if (next.isPresent()) {
                    allowed++;
                }
            }
        }
        assertEquals(ALLOWED.size(), allowed);
    }

    @Test
    public void approvedAndWithdrawnAreFinal() {
        for (Action action : Action.values()) {
            assertFalse(Lifecycle.next(TaskState.APPROVED, action).isPresent());
            assertFalse(Lifecycle.next(TaskState.WITHDRAWN, action).isPresent());
        }
    }

    @Test
    public void openStatesBlockASecondTask() {
        assertEquals(true, TaskState.DRAFT.open());
        assertEquals(true, TaskState.RETURNED.open());
        assertEquals(true, TaskState.SUBMITTED.open());
        assertEquals(false, TaskState.APPROVED.open());
        assertEquals(false, TaskState.WITHDRAWN.open());
    }

    @Test
    public void statusWordsAreTheCitizens() {
        assertEquals("未提交", Messages.text(Lifecycle.statusKey(TaskState.RETURNED)).in(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("进行中", Messages.text(Lifecycle.statusKey(TaskState.SUBMITTED)).in(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("结束", Messages.text(Lifecycle.statusKey(TaskState.APPROVED)).in(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("已退单", Messages.text(Lifecycle.statusKey(TaskState.WITHDRAWN)).in(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("Finished", Messages.text(Lifecycle.statusKey(TaskState.APPROVED)).in(java.util.Locale.ENGLISH));
    }
}
