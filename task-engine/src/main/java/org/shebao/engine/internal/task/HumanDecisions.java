package org.shebao.engine.internal.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.i18n.Text;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.RegisteredBusiness;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;

/** A reviewer of the task's district approves (the effect applies now) or returns a task referred to a human. */
@Component(service = HumanDecisions.class)
public class HumanDecisions {

    private final JpaTemplate jpa;
    private final BusinessTypeRegistry types;
    private final AccountService accounts;
    private final Decisions decisions;
    private final TaskEvents events;
    private final Clock clock;

    @Activate
    public HumanDecisions(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference BusinessTypeRegistry types, @Reference AccountService accounts, @Reference Decisions decisions,
            @Reference TaskEvents events, @Reference Clock clock) {
        this.jpa = jpa;
        this.types = types;
        this.accounts = accounts;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /** The most characters (code points) of a reviewer's comment or return reason. */
    static final int MAX_TEXT = 500;

    public TaskDto approve(Account reviewer, long id, Long version, String comment, Locale locale) {
        checkLength("comment", comment, "task.review.comment.tooLong");
        return decide(reviewer, id, version, locale, (em, task) -> {
            RegisteredBusiness business = present(task);
            Account applicant = accounts.find(task.owner).orElseThrow();
            decisions.apply(em, task, business, Tasks.view(em, task, applicant, clock), Decision.approve(), reviewer.login(),
                    comment == null || comment.isBlank() ? null : comment.trim());
        });
    }

    public TaskDto returnTask(Account reviewer, long id, Long version, String code, String reason, Locale locale) {
        if (reason == null || reason.isBlank()) {
            throw new ShebaoException(Kind.BAD_INPUT, "reason-required", Messages.text("task.review.reason.required"),
                    List.of(new FieldError("reason", Messages.text("task.review.reason.required"))));
        }
        checkLength("reason", reason, "task.review.reason.tooLong");
        if (code != null && !code.isBlank() && !code.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-reason-code", Messages.text("task.review.code.invalid"),
                    List.of(new FieldError("reasonCode", Messages.text("task.review.code.invalid"))));
        }
        return decide(reviewer, id, version, locale, (em, task) -> {
            RegisteredBusiness business = present(task);
            accounts.find(task.owner).ifPresent(owner -> Snapshots.take(task, business.type(),
                    Tasks.view(em, task, owner, clock), new Applicant(owner, LocalDate.now(clock))));
            decisions.returnTask(em, task, reviewer.login(), clock.millis(), code, Text.literal(reason.trim()));
        });
    }

    private static void checkLength(String field, String text, String key) {
        if (text != null && text.strip().codePointCount(0, text.strip().length()) > MAX_TEXT) {
            throw new ShebaoException(Kind.BAD_INPUT, "text-too-long", Messages.text(key, MAX_TEXT),
                    List.of(new FieldError(field, Messages.text(key, MAX_TEXT))));
        }
    }

    private RegisteredBusiness present(TaskEntity task) {
        return types.find(task.businessType).orElseThrow(() -> new ShebaoException(Kind.CONFLICT,
                "business-type-absent", Messages.text("task.businessType.absent")));
    }

    private TaskDto decide(Account reviewer, long id, Long version, Locale locale, BiConsumer<EntityManager, TaskEntity> decision) {
        TaskDto decided = Transactions.inTransaction(jpa, em -> {
            TaskEntity task = em.find(TaskEntity.class, id);
            if (task == null || !task.district.equals(reviewer.district())) {
                throw Tasks.notFound();
            }
            Tasks.checkVersion(task, version);
            if (task.state != TaskState.SUBMITTED || task.reviewStage != ReviewStage.HUMAN) {
                throw new ShebaoException(Kind.CONFLICT, "not-waiting-for-review", Messages.text("task.review.notWaiting"));
            }
            if (types.businessSwitchedOff(task.businessType, task.district)) {
                throw types.disabled(task.businessType);
            }
            decision.accept(em, task);
            em.flush();
            return events.announced(em, Tasks.detail(em, task, locale));
        });
        events.published(decided);
        return decided;
    }
}
