package org.shebao.engine.internal.task;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.api.task.TaskState;

/** Tasks as operators see them (the shell): by state, without the citizens' data. */
@Component(service = TaskAdmin.class)
public class TaskAdmin {

    /** One task, as a row. */
    public record Row(long id, String businessType, String businessVersion, String district, String stage, long updatedAt) {
    }

    private final JpaTemplate jpa;

    @Activate
    public TaskAdmin(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa) {
        this.jpa = jpa;
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
