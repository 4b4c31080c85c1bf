package org.shebao.engine.internal.task;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.db.Page;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;

/** The citizen's tasks as they read them: one with its data and history, or the to-do, done and history lists. */
@Component(service = TaskQueries.class)
public class TaskQueries {

    private final JpaTemplate jpa;
    private final TaskCounts counts;

    @Activate
    public TaskQueries(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference TaskCounts counts) {
        this.jpa = jpa;
        this.counts = counts;
    }

    public TaskDto get(Account caller, long id, Locale locale) {
        return Transactions.inTransaction(jpa, em -> Tasks.detail(em, Tasks.own(em, caller, id), locale));
    }

    /** todo = DRAFT + RETURNED, done = SUBMITTED + APPROVED, history = all; newest first. */
    public Page<TaskDto> list(Account caller, String list, int page, int size, Locale locale) {
        List<TaskState> states = switch (list == null ? "todo" : list) {
            case "todo" -> List.of(TaskState.DRAFT, TaskState.RETURNED);
            case "done" -> List.of(TaskState.SUBMITTED, TaskState.APPROVED);
            case "history" -> List.of(TaskState.values());
            default -> throw new ShebaoException(Kind.BAD_INPUT, "bad-list", Messages.text("problem.http.400"),
                    List.of(new FieldError("list", Messages.text("problem.http.400"))));
        };
        return Transactions.inTransaction(jpa, em -> {
            Newest newest = newest(em, caller.login(), states, page, size);
            List<Long> ids = newest.page(page, size);
            // the list's columns only: not the data, assessment and snapshots
            Map<Long, TaskSummary> rows = new HashMap<>();
            if (!ids.isEmpty()) {
                em.createQuery(TaskSummary.SELECT + " FROM TaskEntity t WHERE t.id IN :ids", TaskSummary.class)
                        .setParameter("ids", ids).getResultList().forEach(t -> rows.put(t.id(), t));
            }
            List<TaskDto> items = ids.stream().map(rows::get).filter(java.util.Objects::nonNull)
                    .map(t -> t.dto(locale)).toList();
            return new Page<>(items, newest.total(em, caller.login(), counts), page, size);
        });
    }

    /**
     * Each state's newest {@code (page + 1) * size} tasks from the index (owner, state, then updated and id
     * descending), read in order and stopped there: one range scan per state instead of all the citizen's tasks
     * sorted for every page (a citizen with 1 400 tasks had every read sort them).
     */
    private static Newest newest(EntityManager em, String owner, List<TaskState> states, int page, int size) {
        int wanted = (int) Math.min(Integer.MAX_VALUE, ((long) page + 1) * size);
        Map<TaskState, List<Object[]>> rows = new EnumMap<>(TaskState.class);
        for (TaskState state : states) {
            rows.put(state, em.createQuery("SELECT t.id, t.updatedAt FROM TaskEntity t WHERE t.owner = :o"
                    + " AND t.state = :s ORDER BY t.updatedAt DESC, t.id DESC", Object[].class).setParameter("o", owner)
                    .setParameter("s", state).setMaxResults(wanted).getResultList());
        }
        return new Newest(rows, wanted);
    }

    /** The newest tasks of each state read, and how many were asked for. */
    private record Newest(Map<TaskState, List<Object[]>> rows, int wanted) {

        /** The page's ids, newest first, from the states' newest merged. */
        List<Long> page(int page, int size) {
            Comparator<Object[]> order = Comparator.comparing((Object[] r) -> (Long) r[1])
                    .thenComparing(r -> (Long) r[0]);
            return rows.values().stream().flatMap(List::stream).sorted(order.reversed()).skip((long) page * size)
                    .limit(size).map(r -> (Long) r[0]).toList();
        }

        /**
         * How many tasks the states have: a state that gave fewer than were asked for has given them all (most
         * citizens' lists: no count at all); the others are counted (or their count kept since is taken), each as
         * one range of the index ({@code COUNT(*)}: Derby then reads no column of the entries it counts).
         */
        long total(EntityManager em, String owner, TaskCounts counts) {
            long total = 0;
            for (Map.Entry<TaskState, List<Object[]>> e : rows.entrySet()) {
                total += e.getValue().size() < wanted ? e.getValue().size() : counts.count(owner, e.getKey(),
                        () -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_TASK WHERE OWNER = ? AND STATE = ?")
                                .setParameter(1, owner).setParameter(2, e.getKey().name()).getSingleResult()).longValue());
            }
            return total;
        }
    }
}
