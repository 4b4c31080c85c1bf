package org.shebao.engine.internal.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.RecordsWriter;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.TaskState;
import org.shebao.api.task.TaskView;
import org.shebao.engine.internal.BusinessTypeRegistry;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.records.RecordsStore;
import org.shebao.engine.internal.records.TxRecordsWriter;
import org.shebao.engine.internal.task.Lifecycle.Action;

/**
 * Decisions on submitted tasks, automatic (by the business's checks) and human (by a reviewer).
 * A decision and its effect are one transaction; the task's {@code @Version} makes a second decision on
 * the same task fail, whichever worker or node attempts it.
 */
@Component(service = ReviewService.class)
public class ReviewService {

    public static final String SYSTEM = "system";
    /** How soon a task whose business is absent is looked at again. */
    static final long ABSENT_RETRY_MILLIS = 2_000;

    private final JpaTemplate jpa;
    private final BusinessTypeRegistry types;
    private final AccountService accounts;
    private final Clock clock;
    private final TaskEvents events;
    private final RecordsStore records;

    @Activate
    public ReviewService(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference BusinessTypeRegistry types, @Reference AccountService accounts, @Reference Clock clock,
            @Reference TaskEvents events, @Reference RecordsStore records) {
        this.jpa = jpa;
        this.records = records;
        this.types = types;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Claims, among the next {@code max} due tasks, those whose business is present, for {@code leaseMillis};
     * one transaction. Rows are claimed one by one by primary key in ascending order, so that concurrent
     * claimers lock in the same order and never deadlock. A due task whose business is absent is put back
     * a little, so that it neither blocks the queue nor is forgotten.
     */
    public List<Long> claim(String node, int max, long leaseMillis) {
        Set<String> present = types.ids();
        long now = clock.millis();
        long until = now + leaseMillis;
        return tx(em -> {
            List<Object[]> due = em.createQuery("SELECT t.id, t.businessType, t.district FROM TaskEntity t WHERE t.state = :s"
                    + " AND t.reviewStage = :auto AND t.dueAt <= :now AND t.claimedUntil < :now ORDER BY t.dueAt, t.id",
                    Object[].class)
                    .setParameter("s", TaskState.SUBMITTED).setParameter("auto", TaskEntity.AUTO)
                    .setParameter("now", now).setMaxResults(max).getResultList();
            List<Long> mine = new ArrayList<>();
            List<Long> waiting = new ArrayList<>();
            for (Object[] row : due) {
                // a task whose business is absent, or switched off for its district, waits
                boolean decidable = present.contains((String) row[1]) && !types.switchedOff((String) row[1], (String) row[2]);
                (decidable ? mine : waiting).add((Long) row[0]);
            }
            java.util.Collections.sort(mine);
            java.util.Collections.sort(waiting);
            // a task whose business is absent waits: look again a little later, without blocking the others
            for (Long id : waiting) {
                em.createQuery("UPDATE TaskEntity t SET t.dueAt = :later WHERE t.id = :id AND t.state = :s"
                        + " AND t.claimedUntil < :now")
                        .setParameter("later", now + ABSENT_RETRY_MILLIS).setParameter("id", id)
                        .setParameter("s", TaskState.SUBMITTED).setParameter("now", now).executeUpdate();
            }
            List<Long> claimed = new ArrayList<>();
            for (Long id : mine) {
                int updated = em.createQuery("UPDATE TaskEntity t SET t.claimedBy = :node, t.claimedUntil = :until"
                        + " WHERE t.id = :id AND t.state = :s AND t.claimedUntil < :now")
                        .setParameter("node", node).setParameter("until", until).setParameter("id", id)
                        .setParameter("s", TaskState.SUBMITTED).setParameter("now", now).executeUpdate();
                if (updated == 1) {
                    claimed.add(id);
                }
            }
            return claimed;
        });
    }

    /** Claims of a node that has just started are void: its work before the restart was not committed. */
    public int releaseClaims(String node) {
        return tx(em -> em.createQuery("UPDATE TaskEntity t SET t.claimedBy = NULL, t.claimedUntil = 0"
                + " WHERE t.claimedBy = :node").setParameter("node", node).executeUpdate());
    }

    /**
     * Decides claimed tasks in one transaction; if any of them fails, decides them one by one so that a
     * failure stays with its own task.
     */
    public void decideAll(List<Long> ids, String node) {
        if (ids.size() > 1) {
            try {
                List<TaskDto> decided = tx(em -> {
                    List<TaskDto> out = new ArrayList<>();
                    for (Long id : ids) {
                        decideIn(em, id, node).ifPresent(out::add);
                    }
                    return out;
                });
                decided.forEach(events::published);
                return;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ReviewService.class)
                        .debug("Batch of {} decisions failed, deciding one by one: {}", ids.size(), e.toString());
            }
        }
        ids.forEach(id -> decideAutomatically(id, node));
    }

    /** Runs the business's automatic review of a claimed task and applies its decision. */
    public Optional<TaskState> decideAutomatically(long id, String node) {
        Optional<TaskDto> decided;
        try {
            decided = tx(em -> decideIn(em, id, node));
        } catch (RuntimeException e) {
            if (Transactions.optimisticLock(e)) {
                return Optional.empty();
            }
            if (e instanceof ShebaoException refusal) {
                decided = returnAfterRefusal(id, node, refusal);
            } else {
                referAfterFailure(id, node, e);
                return Optional.empty();
            }
        }
        decided.ifPresent(events::published);
        return decided.map(TaskDto::state);
    }

    private Optional<TaskDto> decideIn(EntityManager em, long id, String node) {
        TaskEntity task = em.find(TaskEntity.class, id);
        if (task == null || task.state != TaskState.SUBMITTED || !TaskEntity.AUTO.equals(task.reviewStage)
                || !node.equals(task.claimedBy)) {
            return Optional.empty();
        }
        Optional<BusinessType> type = types.find(task.businessType);
        if (type.isEmpty() || types.switchedOff(task.businessType, task.district)) {
            task.claimedBy = null;
            task.claimedUntil = 0;
            return Optional.empty();
        }
        Account applicant = accounts.find(task.owner).orElseThrow();
        if (major(task.businessVersion) != major(type.get().version())) {
            // made with an older major version of the business: the new plugin cannot take it as it is
            returnTask(em, task, SYSTEM, clock.millis(), "plugin-upgraded", Messages.text("task.upgraded", type.get().name()));
            em.flush();
            return Optional.of(Tasks.summary(task, Locale.SIMPLIFIED_CHINESE));
        }
        TaskView view = Tasks.view(em, task, applicant);
        Decision decision = type.get().review(view, new Applicant(applicant, LocalDate.now(clock)));
        return Optional.of(apply(em, task, type.get(), view, decision, SYSTEM, null));
    }

    static int major(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The effect refused (a precondition no longer holds): the citizen gets the reason and can act on it. */
    private Optional<TaskDto> returnAfterRefusal(long id, String node, ShebaoException refusal) {
        return tx(em -> {
            TaskEntity task = em.find(TaskEntity.class, id);
            if (task == null || task.state != TaskState.SUBMITTED || !node.equals(task.claimedBy)) {
                return Optional.<TaskDto>empty();
            }
            Optional<BusinessType> type = types.find(task.businessType);
            Optional<Account> applicant = accounts.find(task.owner);
            if (type.isPresent() && applicant.isPresent()) {
                Snapshots.take(task, type.get(), Tasks.view(em, task, applicant.get()),
                        new Applicant(applicant.get(), LocalDate.now(clock)));
            }
            returnTask(em, task, SYSTEM, clock.millis(), refusal.code(), refusal.detail());
            em.flush();
            return Optional.of(Tasks.summary(task, Locale.SIMPLIFIED_CHINESE));
        });
    }

    private void referAfterFailure(long id, String node, RuntimeException failure) {
        org.slf4j.LoggerFactory.getLogger(ReviewService.class).error("Automatic review of task {} failed", id, failure);
        String message = String.valueOf(Transactions.unwrap(failure).getMessage());
        tx(em -> {
            TaskEntity task = em.find(TaskEntity.class, id);
            if (task != null && task.state == TaskState.SUBMITTED && node.equals(task.claimedBy)) {
                task.reviewStage = TaskEntity.HUMAN;
                task.reviewNote = Messages.text("task.autoReview.failed", message).in(Locale.SIMPLIFIED_CHINESE);
                task.claimedBy = null;
                task.claimedUntil = 0;
            }
            return null;
        });
    }

    private TaskDto apply(EntityManager em, TaskEntity task, BusinessType type, TaskView view, Decision decision,
            String actor, String comment) {
        long now = clock.millis();
        Account applicant = view.applicant();
        Snapshots.take(task, type, view, new Applicant(applicant, LocalDate.now(clock)));
        if (decision instanceof Decision.Approve) {
            TaskState next = Tasks.next(task, Action.APPROVE);
            LocalDate today = LocalDate.now(clock);
            type.apply(view, new EffectContext() {
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
                    return new TxRecordsWriter(em, records, actor);
                }
            });
            Tasks.transition(em, task, next, actor, now, comment);
            task.decidedAt = now;
        } else if (decision instanceof Decision.Return ret) {
            returnTask(em, task, actor, now, ret.code(), ret.reason());
        } else if (decision instanceof Decision.Refer refer) {
            task.reviewStage = TaskEntity.HUMAN;
            task.reviewNote = refer.note().in(Locale.SIMPLIFIED_CHINESE);
            task.claimedBy = null;
            task.claimedUntil = 0;
        }
        em.flush();
        return Tasks.summary(task, Locale.SIMPLIFIED_CHINESE);
    }

    private void returnTask(EntityManager em, TaskEntity task, String actor, long now, String code, Text reason) {
        TaskState next = Tasks.next(task, Action.RETURN);
        String zh = reason.in(Locale.SIMPLIFIED_CHINESE);
        Tasks.transition(em, task, next, actor, now, zh);
        task.returned = true;
        task.returnCode = code;
        task.returnReason = zh;
        task.returnReasonEn = reason.in(Locale.ENGLISH);
        task.decidedAt = now;
    }

    /** Tasks waiting for a human in the reviewer's district, oldest first. */
    public Page<TaskDto> waiting(Account reviewer, String businessType, int page, int size, Locale locale) {
        return tx(em -> {
            String where = " FROM TaskEntity t WHERE t.state = :s AND t.reviewStage = :human AND t.district = :d"
                    + (businessType == null || businessType.isBlank() ? "" : " AND t.businessType = :type");
            var count = em.createQuery("SELECT COUNT(t)" + where, Long.class);
            var items = em.createQuery("SELECT t" + where + " ORDER BY t.submittedAt, t.id", TaskEntity.class);
            for (var q : List.of(count, items)) {
                q.setParameter("s", TaskState.SUBMITTED).setParameter("human", TaskEntity.HUMAN)
                        .setParameter("d", reviewer.district());
                if (businessType != null && !businessType.isBlank()) {
                    q.setParameter("type", businessType);
                }
            }
            List<TaskDto> list = new ArrayList<>();
            items.setFirstResult(page * size).setMaxResults(size).getResultList()
                    .forEach(t -> list.add(Tasks.detail(em, t, locale)));
            return new Page<>(list, count.getSingleResult(), page, size);
        });
    }

    /**
     * A task of the reviewer's district with its data labelled as the citizen's form labels it (identity fields
     * from the form's prefill, amounts from the assessment).
     */
    public java.util.Map<String, Object> detail(Account reviewer, long id, Locale locale) {
        TaskDto task = tx(em -> {
            TaskEntity t = em.find(TaskEntity.class, id);
            if (t == null || !t.district.equals(reviewer.district())) {
                throw Tasks.notFound();
            }
            return Tasks.detail(em, t, locale);
        });
        List<java.util.Map<String, Object>> fields = new ArrayList<>();
        Optional<BusinessType> type = types.find(task.businessType());
        Optional<Account> owner = accounts.find(task.applicant());
        if (type.isPresent() && owner.isPresent()) {
            org.shebao.api.form.FormSchema form = type.get().form(new Applicant(owner.get(), LocalDate.now(clock)));
            for (org.shebao.api.form.Field f : form.fields()) {
                Object value = f.type() == org.shebao.api.form.FieldType.MONEY
                        ? (task.assessment() == null ? null : task.assessment().get(f.name()))
                        : task.data().containsKey(f.name()) && !f.readOnly() ? task.data().get(f.name()) : form.values().get(f.name());
                if (value != null && f.type() != org.shebao.api.form.FieldType.PHOTO) {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("name", f.name());
                    row.put("label", f.label().in(locale));
                    row.put("type", f.type().name().toLowerCase(Locale.ROOT));
                    row.put("value", label(f, value, locale));
                    fields.add(row);
                }
            }
        } else {
            task.data().forEach((k, v) -> fields.add(java.util.Map.of("name", k, "label", k, "type", "text", "value", v)));
        }
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("task", task);
        out.put("fields", fields);
        out.put("reviewNote", tx(em -> em.find(TaskEntity.class, id).reviewNote));
        return out;
    }

    /** A value as the citizen picked it: the option's label for a choice. */
    private static Object label(org.shebao.api.form.Field f, Object value, Locale locale) {
        if (f.choices().isEmpty()) {
            return value;
        }
        java.util.function.Function<Object, String> one = v -> f.choices().stream().filter(c -> c.value().equals(String.valueOf(v)))
                .map(c -> c.label().in(locale)).findFirst().orElse(String.valueOf(v));
        return value instanceof List<?> list ? String.join("、", list.stream().map(one).toList()) : one.apply(value);
    }

    /** A reviewer approves a task waiting for a human: the effect applies now. */
    public TaskDto approve(Account reviewer, long id, Long version, String comment, Locale locale) {
        return decideByReviewer(reviewer, id, version, locale, (em, task) -> {
            BusinessType type = types.find(task.businessType).orElseThrow(() -> new ShebaoException(Kind.CONFLICT,
                    "business-type-absent", Messages.text("task.businessType.absent")));
            Account applicant = accounts.find(task.owner).orElseThrow();
            apply(em, task, type, Tasks.view(em, task, applicant), Decision.approve(), reviewer.login(),
                    comment == null || comment.isBlank() ? null : comment.trim());
        });
    }

    /** A reviewer returns a task with a reason the citizen reads. */
    public TaskDto returnTask(Account reviewer, long id, Long version, String code, String reason, Locale locale) {
        if (reason == null || reason.isBlank()) {
            throw new ShebaoException(Kind.BAD_INPUT, "reason-required", Messages.text("task.review.reason.required"),
                    List.of(new ShebaoException.FieldError("reason", Messages.text("task.review.reason.required"))));
        }
        return decideByReviewer(reviewer, id, version, locale, (em, task) -> {
            types.find(task.businessType).ifPresent(type -> accounts.find(task.owner).ifPresent(owner -> Snapshots.take(
                    task, type, Tasks.view(em, task, owner), new Applicant(owner, LocalDate.now(clock)))));
            returnTask(em, task, reviewer.login(), clock.millis(), code, Text.literal(reason.trim()));
        });
    }

    private TaskDto decideByReviewer(Account reviewer, long id, Long version, Locale locale,
            java.util.function.BiConsumer<EntityManager, TaskEntity> decision) {
        TaskDto decided = tx(em -> {
            TaskEntity task = em.find(TaskEntity.class, id);
            if (task == null || !task.district.equals(reviewer.district())) {
                throw Tasks.notFound();
            }
            Tasks.checkVersion(task, version);
            if (task.state != TaskState.SUBMITTED || !TaskEntity.HUMAN.equals(task.reviewStage)) {
                throw new ShebaoException(Kind.CONFLICT, "not-waiting-for-review", Messages.text("task.review.notWaiting"));
            }
            if (types.switchedOff(task.businessType, task.district)) {
                throw types.disabled(task.businessType);
            }
            decision.accept(em, task);
            em.flush();
            return Tasks.detail(em, task, locale);
        });
        events.published(decided);
        return decided;
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
