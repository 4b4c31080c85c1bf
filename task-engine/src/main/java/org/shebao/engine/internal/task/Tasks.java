package org.shebao.engine.internal.task;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.task.TaskState;
import org.shebao.api.task.TaskView;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.Lifecycle.Action;

/** What every task operation shares: finding, checking, moving, recording and showing a task. */
final class Tasks {

    private Tasks() {
    }

    /** The caller's own task; another person's task is "not found", as if it did not exist. */
    static TaskEntity own(EntityManager em, Account caller, long id) {
        TaskEntity task = em.find(TaskEntity.class, id);
        if (task == null || !task.owner.equals(caller.login())) {
            throw notFound();
        }
        return task;
    }

    /** What a reviewer may read of the district: tasks the citizen sent, not their drafts or what they withdrew. */
    static final java.util.Set<TaskState> REVIEWABLE = java.util.EnumSet.of(TaskState.SUBMITTED, TaskState.APPROVED,
            TaskState.RETURNED);

    /** The task, when the reviewer may read it (of their district and sent); otherwise not found. */
    static TaskEntity reviewable(EntityManager em, Account reviewer, long id) {
        TaskEntity task = em.find(TaskEntity.class, id);
        if (task == null || !task.district.equals(reviewer.district()) || !REVIEWABLE.contains(task.state)) {
            throw notFound();
        }
        return task;
    }

    static ShebaoException notFound() {
        return new ShebaoException(Kind.NOT_FOUND, "task-not-found", Messages.text("task.notFound"));
    }

    static void checkVersion(TaskEntity task, Long version) {
        if (version == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "version-required", Messages.text("task.version.required"),
                    List.of(new ShebaoException.FieldError("version", Messages.text("task.version.required"))));
        }
        if (version != task.version) {
            throw new ShebaoException(Kind.CONFLICT, "stale-version", Messages.text("task.stale", task.version));
        }
    }

    /** The next state for the action, or 409 naming the current state. */
    static TaskState next(TaskEntity task, Action action) {
        return Lifecycle.next(task.state, action).orElseThrow(() -> new ShebaoException(Kind.CONFLICT,
                "transition-forbidden", Messages.text("task.transition.forbidden",
                        Messages.text(Lifecycle.statusKey(task.state)))));
    }

    /** Moves the task and records the transition in its history. */
    static void transition(EntityManager em, TaskEntity task, TaskState to, String actor, long now, String comment) {
        TaskState from = task.state;
        task.moveTo(to);
        task.updatedAt = now;
        em.persist(new TaskEventEntity(task.id, now, actor, from, to, comment));
    }

    /** The task as its business sees it; the day of submission is the bureau's (the clock's zone). */
    static TaskView view(EntityManager em, TaskEntity task, Account applicant, java.time.Clock clock) {
        List<Long> attachments = em.createQuery("SELECT a.id FROM AttachmentEntity a WHERE a.taskId = :t ORDER BY a.id",
                Long.class).setParameter("t", task.id).getResultList();
        return new TaskView(task.id, task.businessType, task.businessVersion, applicant,
                org.shebao.api.task.FormData.of(TaskJson.read(task.data)), TaskJson.assessment(task.assessment),
                attachments, task.submittedAt == null ? null
                        : Instant.ofEpochMilli(task.submittedAt).atZone(clock.getZone()).toLocalDate());
    }

    static TaskDto summary(TaskEntity t, Locale locale) {
        return TaskSummary.of(t).dto(locale);
    }

    static TaskDto detail(EntityManager em, TaskEntity t, Locale locale) {
        List<Long> attachments = em.createQuery("SELECT a.id FROM AttachmentEntity a WHERE a.taskId = :t ORDER BY a.id",
                Long.class).setParameter("t", t.id).getResultList();
        return detail(em, t, locale, attachments);
    }

    /** The task with its history, and the attachments the caller has just read (one query less). */
    static TaskDto detail(EntityManager em, TaskEntity t, Locale locale, List<Long> attachments) {
        List<TaskEventEntity> history = em.createQuery(
                "SELECT e FROM TaskEventEntity e WHERE e.taskId = :id ORDER BY e.at, e.id", TaskEventEntity.class)
                .setParameter("id", t.id).getResultList();
        return detail(t, locale, history, attachments);
    }

    /** The task with the history and attachments given (a task just made: its first event, none). */
    static TaskDto detail(TaskEntity t, Locale locale, List<TaskEventEntity> history, List<Long> attachments) {
        List<TaskDto.HistoryEntry> entries = history.stream()
                .map(e -> new TaskDto.HistoryEntry(Instant.ofEpochMilli(e.at), e.actor, e.fromState, e.toState, e.comment))
                .toList();
        return TaskSummary.of(t).dto(locale, TaskJson.read(t.data), TaskJson.money(TaskJson.assessment(t.assessment)),
                entries, attachments, Snapshots.in(t, locale));
    }
}
