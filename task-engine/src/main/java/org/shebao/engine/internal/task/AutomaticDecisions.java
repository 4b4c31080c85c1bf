package org.shebao.engine.internal.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.TaskState;
import org.shebao.api.task.TaskView;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.RegisteredBusiness;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic review of claimed tasks: the business's checks decide, in one transaction with the effect; the
 * task's {@code @Version} makes a second decision fail, whichever worker or node attempts it. An effect that refuses
 * returns the task with its reason; any other failure refers it to a human.
 */
@Component(service = AutomaticDecisions.class)
public class AutomaticDecisions {

    public static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticDecisions.class);
    /** Reviews of one task run again at most this often when what they read changed under them. */
    private static final int RETRIES = 3;

    private final JpaTemplate jpa;
    private final BusinessTypeRegistry types;
    private final AccountService accounts;
    private final Decisions decisions;
    private final TaskEvents events;
    private final Clock clock;

    @Activate
    public AutomaticDecisions(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference BusinessTypeRegistry types, @Reference AccountService accounts, @Reference Decisions decisions,
            @Reference TaskEvents events, @Reference Clock clock) {
        this.jpa = jpa;
        this.types = types;
        this.accounts = accounts;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /** Decides claimed tasks in one transaction; if any fails, one by one, so that a failure stays with its task. */
    public void decideAll(List<Long> ids, String node) {
        if (ids.size() > 1) {
            try {
                List<TaskDto> decided = tx(em -> {
                    List<TaskDto> out = new ArrayList<>();
                    ids.forEach(id -> decideIn(em, id, node).map(t -> events.announced(em, t)).ifPresent(out::add));
                    return out;
                });
                decided.forEach(events::published);
                return;
            } catch (RuntimeException e) {
                LOG.debug("Batch of {} decisions failed, deciding one by one: {}", ids.size(), e.toString());
            }
        }
        ids.forEach(id -> decide(id, node));
    }

    /**
     * Runs the business's automatic review of a claimed task and applies its decision. When another transaction
     * came in the way (a ledger line moved by another task meanwhile: a lock wait timed out or a deadlock on Derby,
     * an optimistic-lock conflict under PostgreSQL's snapshots, Derby's identity generator under contention), the
     * review runs again on what is now there, and after the last attempt the task is left to a later claim: such a
     * failure says nothing about the task, so it is not referred to staff.
     */
    public Optional<TaskState> decide(long id, String node) {
        for (int attempt = 1;; attempt++) {
            try {
                return decideOnce(id, node);
            } catch (RuntimeException e) {
                if (!Transactions.contention(e) || attempt == RETRIES) {
                    LOG.debug("Task {} not decided now (attempt {}), left to a later claim: {}", id, attempt, e.toString());
                    return Optional.empty();
                }
            }
        }
    }

    private Optional<TaskState> decideOnce(long id, String node) {
        Optional<TaskDto> decided;
        try {
            decided = tx(em -> decideIn(em, id, node).map(t -> events.announced(em, t)));
        } catch (RuntimeException e) {
            if (Transactions.contention(e)) {
                throw e;
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
        TaskEntity task = claimed(em, id, node);
        Optional<RegisteredBusiness> business = task == null ? Optional.empty() : types.find(task.businessType);
        if (task == null || business.isEmpty() || types.businessSwitchedOff(task.businessType, task.district)) {
            if (task != null) {
                task.claimedBy = null;
                task.claimedUntil = 0;
            }
            return Optional.empty();
        }
        Account applicant = accounts.find(task.owner).orElseThrow();
        if (major(task.businessVersion) != major(business.get().version())) {
            // made with an older major version of the business: the new plugin cannot take it as it is
            decisions.returnTask(em, task, SYSTEM, clock.millis(), "plugin-upgraded",
                    Messages.text("task.upgraded", business.get().name()));
            em.flush();
            return Optional.of(Tasks.summary(task, Locale.SIMPLIFIED_CHINESE));
        }
        TaskView view = Tasks.view(em, task, applicant, clock);
        return Optional.of(decisions.apply(em, task, business.get(), view,
                business.get().type().review(view, new Applicant(applicant, LocalDate.now(clock))), SYSTEM, null));
    }

    /** The task if it is still submitted, for the automatic review, and claimed by the node. */
    private static TaskEntity claimed(EntityManager em, long id, String node) {
        TaskEntity task = em.find(TaskEntity.class, id);
        return task != null && task.state == TaskState.SUBMITTED && task.reviewStage == ReviewStage.AUTO
                && node.equals(task.claimedBy) ? task : null;
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
            TaskEntity task = claimed(em, id, node);
            if (task == null) {
                return Optional.<TaskDto>empty();
            }
            types.find(task.businessType).ifPresent(b -> accounts.find(task.owner).ifPresent(owner -> Snapshots.take(task,
                    b.type(), Tasks.view(em, task, owner, clock), new Applicant(owner, LocalDate.now(clock)))));
            decisions.returnTask(em, task, SYSTEM, clock.millis(), refusal.code(), refusal.detail());
            em.flush();
            return Optional.of(events.announced(em, Tasks.summary(task, Locale.SIMPLIFIED_CHINESE)));
        });
    }

    private void referAfterFailure(long id, String node, RuntimeException failure) {
        LOG.error("Automatic review of task {} failed", id, failure);
        String message = String.valueOf(Transactions.unwrap(failure).getMessage());
        tx(em -> {
            TaskEntity task = claimed(em, id, node);
            if (task != null) {
                decisions.refer(em, task, Messages.text("task.autoReview.failed", message));
            }
            return null;
        });
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
