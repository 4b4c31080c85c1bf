package org.shebao.engine.internal.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.RecordsWriter;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.TaskState;
import org.shebao.api.task.TaskView;
import org.shebao.engine.internal.plugin.RegisteredBusiness;
import org.shebao.engine.internal.records.TxRecordsWriter;
import org.shebao.engine.internal.task.Lifecycle.Action;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;

/**
 * What a decision does to a task, automatic or human, inside the caller's transaction: approve (the business's effect
 * on the records, in the same transaction), return with a reason, or refer to a reviewer. The tables the task shows
 * are kept as they were decided ({@link Snapshots}).
 */
@Component(service = Decisions.class)
public class Decisions {

    private final Clock clock;
    private final TxRecordsWriter writers;
    private final TaskNotices notices;

    @Activate
    public Decisions(@Reference Clock clock, @Reference TxRecordsWriter writers, @Reference TaskNotices notices) {
        this.clock = clock;
        this.writers = writers;
        this.notices = notices;
    }

    TaskDto apply(EntityManager em, TaskEntity task, RegisteredBusiness business, TaskView view, Decision decision,
            String actor, String comment) {
        long now = clock.millis();
        LocalDate today = LocalDate.now(clock);
        Snapshots.take(task, business.type(), view, new Applicant(view.applicant(), today));
        if (decision instanceof Decision.Approve) {
            TaskState next = Tasks.next(task, Action.APPROVE);
            RecordsWriter records = writers.in(em, actor, task.id);
            business.type().apply(view, new EffectContext() {
                @Override
                public LocalDate today() {
                    return today;
                }

                @Override
                public String approvedBy() {
                    return actor;
                }

                @Override
                public RecordsWriter records() {
                    return records;
                }
            });
            Tasks.transition(em, task, next, actor, now, comment);
            task.decidedAt = now;
            notices.approved(em, task);
        } else if (decision instanceof Decision.Return ret) {
            returnTask(em, task, actor, now, ret.code(), ret.reason());
        } else if (decision instanceof Decision.Refer refer) {
            refer(em, task, refer.note());
        }
        em.flush();
        return Tasks.summary(task, Locale.SIMPLIFIED_CHINESE);
    }

    void returnTask(EntityManager em, TaskEntity task, String actor, long now, String code, Text reason) {
        TaskState next = Tasks.next(task, Action.RETURN);
        String zh = reason.in(Locale.SIMPLIFIED_CHINESE);
        Tasks.transition(em, task, next, actor, now, zh);
        task.returned = true;
        task.returnCode = code;
        task.returnReason = zh;
        task.returnReasonEn = reason.in(Locale.ENGLISH);
        task.decidedAt = now;
        notices.returned(em, task, reason);
    }

    /** Parks the task for a human reviewer of its district, with a note; the district's reviewers are told. */
    void refer(EntityManager em, TaskEntity task, Text note) {
        task.reviewStage = ReviewStage.HUMAN;
        task.reviewNote = note.in(Locale.SIMPLIFIED_CHINESE);
        notices.referred(em, task, note);
        task.claimedBy = null;
        task.claimedUntil = 0;
    }
}
