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
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.BusinessTypeRegistry;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.Lifecycle.Action;

/** The citizen's side of the lifecycle: save, edit, submit, withdraw, read. One transaction each. */
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
        BusinessType type = types.enabledFor(typeId, caller.district()).orElseThrow(() -> new ShebaoException(
                Kind.NOT_FOUND, "business-type-unknown", Messages.text("task.businessType.unknown", String.valueOf(typeId))));
        FormData data = FormData.of(values);
        Assessment assessment = checked(type, data, caller);
        long now = clock.millis();
        try {
            TaskDto created = tx(em -> {
                refuseSecondOpen(em, caller, type.id(), locale);
                TaskEntity task = new TaskEntity(type.id(), type.version(), caller.login(), caller.district(), now);
                task.businessName = type.name().in(Locale.SIMPLIFIED_CHINESE);
                task.businessNameEn = type.name().in(Locale.ENGLISH);
                task.data = TaskJson.write(data.values());
                task.assessment = TaskJson.write(assessment);
                em.persist(task);
                em.flush();
                em.persist(new TaskEventEntity(task.id, now, caller.login(), null, TaskState.DRAFT, null));
                return Tasks.detail(em, task, locale);
            });
            events.published(created);
            return created;
        } catch (RuntimeException e) {
            if (Transactions.uniqueViolation(e)) {
                tx(em -> {
                    refuseSecondOpen(em, caller, type.id(), locale);
                    return null;
                });
            }
            throw e;
        }
    }

    private static void refuseSecondOpen(EntityManager em, Account caller, String typeId, Locale locale) {
        List<TaskEntity> open = em.createQuery("SELECT t FROM TaskEntity t WHERE t.openKey = :key", TaskEntity.class)
                .setParameter("key", caller.login() + "|" + typeId).getResultList();
        if (!open.isEmpty()) {
            TaskEntity t = open.get(0);
            throw new ShebaoException(Kind.CONFLICT, "open-task-exists", Messages.text("task.open.exists",
                    Locale.ENGLISH.equals(locale) ? t.businessNameEn : t.businessName, t.id,
                    Messages.text(Lifecycle.statusKey(t.state))));
        }
    }

    /** Save again (修改): DRAFT or RETURNED only, at the version the citizen saw. */
    public TaskDto update(Account caller, long id, Map<String, Object> values, Long version, Locale locale) {
        FormData data = FormData.of(values);
        return tx(em -> {
            TaskEntity task = Tasks.own(em, caller, id);
            Tasks.checkVersion(task, version);
            Tasks.next(task, Action.EDIT);
            BusinessType type = present(task);
            Assessment assessment = checked(type, data, caller);
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
            BusinessType type = present(task);
            checkFilingWindow(caller, task.businessType);
            Assessment assessment = checked(type, FormData.of(TaskJson.read(task.data)), caller);
            long now = clock.millis();
            task.assessment = TaskJson.write(assessment);
            Snapshots.take(task, type, Tasks.view(em, task, caller), new Applicant(caller, LocalDate.now(clock)));
            // checked and assessed by the plugin present now: the task goes on with its version
            task.businessVersion = type.version();
            Tasks.transition(em, task, next, caller.login(), now, null);
            task.returned = false;
            task.reviewStage = TaskEntity.AUTO;
            task.submittedAt = now;
            task.dueAt = now + delayMillis;
            em.flush();
            return Tasks.detail(em, task, locale);
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
            return Tasks.detail(em, task, locale);
        });
        events.published(withdrawn);
        return withdrawn;
    }

    public TaskDto get(Account caller, long id, Locale locale) {
        return tx(em -> Tasks.detail(em, Tasks.own(em, caller, id), locale));
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
        return tx(em -> {
            long total = em.createQuery("SELECT COUNT(t) FROM TaskEntity t WHERE t.owner = :o AND t.state IN :s", Long.class)
                    .setParameter("o", caller.login()).setParameter("s", states).getSingleResult();
            List<TaskDto> items = em.createQuery(
                    "SELECT t FROM TaskEntity t WHERE t.owner = :o AND t.state IN :s ORDER BY t.updatedAt DESC, t.id DESC",
                    TaskEntity.class)
                    .setParameter("o", caller.login()).setParameter("s", states)
                    .setFirstResult(page * size).setMaxResults(size)
                    .getResultList().stream().map(t -> Tasks.summary(t, locale)).toList();
            return new Page<>(items, total, page, size);
        });
    }

    /** The task's business, present and switched on for the task's district; 409 otherwise. */
    private BusinessType present(TaskEntity task) {
        BusinessType type = types.find(task.businessType).orElseThrow(() -> new ShebaoException(Kind.CONFLICT,
                "business-type-absent", Messages.text("task.businessType.absent")));
        if (types.switchedOff(task.businessType, task.district)) {
            throw types.disabled(task.businessType);
        }
        return type;
    }

    private Assessment checked(BusinessType type, FormData data, Account caller) {
        Applicant applicant = new Applicant(caller, LocalDate.now(clock));
        List<FieldError> errors = type.validate(data, applicant);
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "invalid-task-data", Messages.text("task.invalid"), errors);
        }
        return type.assess(data, applicant);
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
