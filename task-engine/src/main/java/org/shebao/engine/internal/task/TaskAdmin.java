package org.shebao.engine.internal.task;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.api.task.TaskState;

/**
 * Tasks as operators see them (the shell): listed by state without the citizens' data; one shown whole (data, history,
 * review stage and claim) to find why it is stuck; a submitted one referred to a reviewer of its district.
 */
@Component(service = TaskAdmin.class)
public class TaskAdmin {

    /** One task, as a row. */
    public record Row(long id, String businessType, String businessVersion, String district, String stage, long updatedAt) {
    }

    private final JpaTemplate jpa;
    private final Decisions decisions;

    @Activate
    public TaskAdmin(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference Decisions decisions) {
        this.jpa = jpa;
        this.decisions = decisions;
    }

    /** One task whole, as {@link Tasks#detail} makes it, with where it stands in the review. */
    public record Shown(TaskDto task, String reviewStage, String reviewNote, String claimedBy, long claimedUntil) {
    }

    public Optional<Shown> show(long id) {
        return Transactions.inTransaction(jpa, em -> Optional.ofNullable(em.find(TaskEntity.class, id))
                .map(t -> new Shown(Tasks.detail(em, t, Locale.SIMPLIFIED_CHINESE),
                        t.reviewStage == null ? null : t.reviewStage.name(), t.reviewNote, t.claimedBy, t.claimedUntil)));
    }

    /**
     * Sends a submitted task to a reviewer of its district (its automatic review failing, say), with the operator's
     * note; answers the task's state before, or empty when there is no such task. Only a SUBMITTED task moves.
     */
    public Optional<TaskState> refer(long id, String note) {
        return Transactions.inTransaction(jpa, em -> {
            TaskEntity t = em.find(TaskEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                return Optional.<TaskState>empty();
            }
            if (t.state == TaskState.SUBMITTED) {
                decisions.refer(em, t, org.shebao.api.i18n.Text.literal(note));
            }
            return Optional.of(t.state);
        });
    }

    public List<Row> list(TaskState state, String businessType, int max) {
        boolean one = businessType != null && !businessType.isBlank();
        return Transactions.inTransaction(jpa, em -> {
            var query = em.createQuery("SELECT t FROM TaskEntity t WHERE t.state = :s" + (one ? " AND t.businessType = :b" : "")
                    + " ORDER BY t.updatedAt DESC, t.id DESC", TaskEntity.class).setParameter("s", state).setMaxResults(max);
            if (one) {
                query.setParameter("b", businessType.trim());
            }
            return query.getResultList().stream().map(t -> new Row(t.id, t.businessType, t.businessVersion, t.district,
                    t.state == TaskState.SUBMITTED && t.reviewStage != null ? t.reviewStage.name() : null, t.updatedAt)).toList();
        });
    }
}
