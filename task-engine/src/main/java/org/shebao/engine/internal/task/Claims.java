package org.shebao.engine.internal.task;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;

/**
 * The approval pipeline's leases on due submitted tasks, through the database: any worker of any node may claim a
 * task whose lease ran out; a claim is void after its node restarts.
 */
@Component(service = Claims.class)
public class Claims {

    /** How soon a task whose business is absent or switched off is looked at again. */
    static final long WAIT_MILLIS = 2_000;

    private final JpaTemplate jpa;
    private final BusinessTypeRegistry types;
    private final Clock clock;

    @Activate
    public Claims(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference BusinessTypeRegistry types, @Reference Clock clock) {
        this.jpa = jpa;
        this.types = types;
        this.clock = clock;
    }

    /**
     * Claims, among the next {@code max} due tasks, those whose business is present and serves the task's district,
     * for {@code leaseMillis}; one transaction. Rows are claimed one by one by primary key in ascending order, so that
     * concurrent claimers lock in the same order and never deadlock. A due task whose business is absent or switched
     * off is put back a little, so that it neither blocks the queue nor is forgotten.
     */
    public List<Long> claim(String node, int max, long leaseMillis) {
        long now = clock.millis();
        return Transactions.inTransaction(jpa, em -> {
            List<Object[]> due = em.createQuery("SELECT t.id, t.businessType, t.district FROM TaskEntity t WHERE t.state = :s"
                    + " AND t.reviewStage = :auto AND t.dueAt <= :now AND t.claimedUntil < :now ORDER BY t.dueAt, t.id",
                    Object[].class).setParameter("s", TaskState.SUBMITTED).setParameter("auto", ReviewStage.AUTO)
                    .setParameter("now", now).setMaxResults(max).getResultList();
            List<Long> decidable = new ArrayList<>();
            List<Long> waiting = new ArrayList<>();
            for (Object[] row : due) {
                boolean present = types.find((String) row[1]).isPresent();
                boolean serves = present && !types.businessSwitchedOff((String) row[1], (String) row[2]);
                (serves ? decidable : waiting).add((Long) row[0]);
            }
            Collections.sort(decidable);
            Collections.sort(waiting);
            for (Long id : waiting) {
                em.createQuery("UPDATE TaskEntity t SET t.dueAt = :later WHERE t.id = :id AND t.state = :s"
                        + " AND t.claimedUntil < :now").setParameter("later", now + WAIT_MILLIS).setParameter("id", id)
                        .setParameter("s", TaskState.SUBMITTED).setParameter("now", now).executeUpdate();
            }
            List<Long> claimed = new ArrayList<>();
            for (Long id : decidable) {
                int updated = em.createQuery("UPDATE TaskEntity t SET t.claimedBy = :node, t.claimedUntil = :until"
                        + " WHERE t.id = :id AND t.state = :s AND t.claimedUntil < :now")
                        .setParameter("node", node).setParameter("until", now + leaseMillis).setParameter("id", id)
                        .setParameter("s", TaskState.SUBMITTED).setParameter("now", now).executeUpdate();
                if (updated == 1) {
                    claimed.add(id);
                }
            }
            return claimed;
        });
    }

    /** Claims of a node that has just started are void: its work before the restart was not committed. */
    public int release(String node) {
        return Transactions.inTransaction(jpa, em -> em.createQuery("UPDATE TaskEntity t SET t.claimedBy = NULL,"
                + " t.claimedUntil = 0 WHERE t.claimedBy = :node").setParameter("node", node).executeUpdate());
    }
}
