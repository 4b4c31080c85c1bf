package org.shebao.engine.internal.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.records.RatesService;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskState;
import org.shebao.api.task.TaskView;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.RegisteredBusiness;
import org.shebao.engine.internal.task.Lifecycle.Action;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;

/** The citizen's side of the lifecycle: save, edit, submit, withdraw. One transaction each. */
@Component(service = TaskService.class, configurationPid = ReviewConfig.PID)
public class TaskService {

    private final JpaTemplate jpa;
    private final BusinessTypeRegistry types;
    private final Clock clock;
    private final TaskEvents events;
    private final RatesService rates;
    private volatile long delayMillis;

    @Activate
    public TaskService(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference BusinessTypeRegistry types, @Reference Clock clock, @Reference TaskEvents events,
            @Reference RatesService rates, ReviewConfig config) {
        this.jpa = jpa;
        this.rates = rates;
        this.types = types;
        this.clock = clock;
        this.events = events;
        configure(config);
    }

    @Modified
    void configure(ReviewConfig config) {
        delayMillis = Math.max(0, config.delaySeconds()) * 1000L;
    }

    /** Save (保存): a new task in DRAFT, after validation; refused while another of the business is open. */
    public TaskDto create(Account caller, String typeId, Map<String, Object> values, Locale locale) {
        RegisteredBusiness business = types.enabledFor(typeId, caller.district()).orElseThrow(() -> new ShebaoException(
                Kind.NOT_FOUND, "business-type-unknown", Messages.text("task.businessType.unknown", String.valueOf(typeId))));
        FormData data = FormData.of(values);
        Assessment assessment = checked(business, data, caller);
        for (int attempt = 1;; attempt++) {
            long now = clock.millis();
            try {
                TaskDto created = tx(em -> {
                    OpenTasks.refuseSecond(em, caller, business.id(), locale);
                    TaskEntity task = new TaskEntity(business.id(), business.version(), caller.login(), caller.district(), now);
                    task.businessName = business.name().in(Locale.SIMPLIFIED_CHINESE);
                    task.businessNameEn = business.name().in(Locale.ENGLISH);
                    task.data = TaskJson.write(data.values());
                    task.assessment = TaskJson.write(assessment);
                    em.persist(task);
                    em.flush();
                    TaskEventEntity made = new TaskEventEntity(task.id, now, caller.login(), null, TaskState.DRAFT, null);
                    em.persist(made);
                    return events.announced(em, Tasks.detail(task, locale, List.of(made), List.of()));
                });
                events.published(created);
                return created;
            } catch (RuntimeException e) {
                if (!Transactions.uniqueViolation(e)) {
                    throw e;
                }
                // another save of the same business came first: refused if that task is still open, saved again if
                // it was closed meanwhile (decided at once)
                tx(em -> {
                    OpenTasks.refuseSecond(em, caller, business.id(), locale);
                    return null;
                });
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Save again (修改): DRAFT or RETURNED only, at the version the citizen saw. */
    public TaskDto update(Account caller, long id, Map<String, Object> values, Long version, Locale locale) {
        FormData data = FormData.of(values);
        return tx(em -> {
            TaskEntity task = Tasks.own(em, caller, id);
            Tasks.checkVersion(task, version);
            Tasks.next(task, Action.EDIT);
            Assessment assessment = checked(present(task), data, caller);
            task.data = TaskJson.write(data.values());
            task.assessment = TaskJson.write(assessment);
            task.updatedAt = clock.millis();
            em.flush();
            return Tasks.detail(em, task, locale);
        });
    }

    /** Submit (提交审批): validated again, then queued for the automatic review after the configured delay. */
    public TaskDto submit(Account caller, long id, Long version, Locale locale) {
        TaskDto submitted = tx(em -> {
            TaskEntity task = Tasks.own(em, caller, id);
            Tasks.checkVersion(task, version);
            TaskState next = Tasks.next(task, Action.SUBMIT);
            RegisteredBusiness business = present(task);
            checkFilingWindow(caller, task.businessType);
            Assessment assessment = checked(business, FormData.of(TaskJson.read(task.data)), caller);
            long now = clock.millis();
            task.assessment = TaskJson.write(assessment);
            // checked and assessed by the plugin present now: the task goes on with its version
            task.businessVersion = business.version();
            Tasks.transition(em, task, next, caller.login(), now, null);
            task.returned = false;
            task.reviewStage = ReviewStage.AUTO;
            task.submittedAt = now;
            task.dueAt = now + delayMillis;
            TaskView view = Tasks.view(em, task, caller, clock);
            Snapshots.take(task, business.type(), view, new Applicant(caller, LocalDate.now(clock)));
            em.flush();
            return events.announced(em, Tasks.detail(em, task, locale, view.attachmentIds()));
        });
        events.published(submitted);
        return submitted;
    }

    /** The district's filing window for the business, if switched on: submitting is refused outside it. */
    private void checkFilingWindow(Account caller, String businessType) {
        LocalDate today = LocalDate.now(clock);
        rates.find(caller.district(), Year.of(today.getYear())).map(r -> r.rules().filingWindow())
                .filter(w -> w.appliesTo(businessType) && !w.open(today))
                .ifPresent(w -> {
                    throw new ShebaoException(Kind.CONFLICT, "filing-window-closed",
                            Messages.text("task.filingWindow.closed", w.firstDay(), w.lastDay()));
                });
    }

    /** Withdraw (退单): DRAFT or RETURNED only; the task stays in the history. */
    public TaskDto withdraw(Account caller, long id, Long version, Locale locale) {
        TaskDto withdrawn = tx(em -> {
            TaskEntity task = Tasks.own(em, caller, id);
            Tasks.checkVersion(task, version);
            Tasks.transition(em, task, Tasks.next(task, Action.WITHDRAW), caller.login(), clock.millis(), null);
            em.flush();
            return events.announced(em, Tasks.detail(em, task, locale));
        });
        events.published(withdrawn);
        return withdrawn;
    }

    /** The task's business, present and switched on for the task's district; 409 otherwise. */
    private RegisteredBusiness present(TaskEntity task) {
        RegisteredBusiness business = types.find(task.businessType).orElseThrow(() -> new ShebaoException(Kind.CONFLICT,
                "business-type-absent", Messages.text("task.businessType.absent")));
        if (types.businessSwitchedOff(task.businessType, task.district)) {
            throw types.disabled(task.businessType);
        }
        return business;
    }

    private Assessment checked(RegisteredBusiness business, FormData data, Account caller) {
        Applicant applicant = new Applicant(caller, LocalDate.now(clock));
        List<FieldError> shape = FormShape.errors(business.type().form(applicant), data.values());
        List<FieldError> errors = shape.isEmpty() ? business.type().validate(data, applicant) : shape;
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "invalid-task-data", Messages.text("task.invalid"), errors);
        }
        return business.type().assess(data, applicant);
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
