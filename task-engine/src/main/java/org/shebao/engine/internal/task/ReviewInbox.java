package org.shebao.engine.internal.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.db.Page;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.spi.ReturnReason;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.RegisteredBusiness;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;

/**
 * What a reviewer reads: the tasks of their district waiting for a human, a task's data labelled as the citizen's
 * form labels it, and the reasons a task may be returned for (the platform's general ones and its business's).
 */
@Component(service = ReviewInbox.class)
public class ReviewInbox {

    /** One field of a task as the reviewer reads it. */
    public record LabelledValue(String name, String label, String type, Object value) {
    }

    /** A task for its reviewer: the task, its data labelled, the note of the automatic review. */
    public record Detail(TaskDto task, List<LabelledValue> fields, String reviewNote) {
    }

    /** A reason of the dictionary, in the reviewer's language. */
    public record Reason(String code, String label) {
    }

    /** The reasons every business may be returned for. */
    private static final List<String> GENERAL = List.of("DOCUMENT_MISSING", "IN_PROGRESS", "OTHER");

    private final JpaTemplate jpa;
    private final BusinessTypeRegistry types;
    private final AccountService accounts;
    private final Clock clock;

    @Activate
    public ReviewInbox(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference BusinessTypeRegistry types, @Reference AccountService accounts, @Reference Clock clock) {
        this.jpa = jpa;
        this.types = types;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Tasks waiting for a human in the reviewer's district, oldest first. */
    public Page<TaskDto> waiting(Account reviewer, String businessType, int page, int size, Locale locale) {
        boolean one = businessType != null && !businessType.isBlank();
        return tx(em -> {
            String where = " FROM TaskEntity t WHERE t.state = :s AND t.reviewStage = :human AND t.district = :d"
                    + (one ? " AND t.businessType = :type" : "");
            var count = em.createQuery("SELECT COUNT(t)" + where, Long.class);
            var items = em.createQuery("SELECT t" + where + " ORDER BY t.submittedAt, t.id", TaskEntity.class);
            for (var q : List.of(count, items)) {
                q.setParameter("s", TaskState.SUBMITTED).setParameter("human", ReviewStage.HUMAN)
                        .setParameter("d", reviewer.district());
                if (one) {
                    q.setParameter("type", businessType);
                }
            }
            List<TaskDto> list = items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(t -> Tasks.detail(em, t, locale)).toList();
            return new Page<>(list, count.getSingleResult(), page, size);
        });
    }

    /** A task of the reviewer's district with its data labelled (identity from the form's prefill, amounts from the assessment). */
    public Detail detail(Account reviewer, long id, Locale locale) {
        Detail found = tx(em -> {
            TaskEntity t = Tasks.reviewable(em, reviewer, id);
            return new Detail(Tasks.detail(em, t, locale), List.of(), t.reviewNote);
        });
        TaskDto task = found.task();
        Optional<RegisteredBusiness> type = types.find(task.businessType());
        Optional<Account> owner = accounts.find(task.applicant());
        List<LabelledValue> fields = new ArrayList<>();
        if (type.isPresent() && owner.isPresent()) {
            FormSchema form = type.get().type().form(new Applicant(owner.get(), LocalDate.now(clock)));
            for (Field f : form.fields()) {
                Object value = f.type() == FieldType.MONEY ? (task.assessment() == null ? null : task.assessment().get(f.name()))
                        : task.data().containsKey(f.name()) && !f.readOnly() ? task.data().get(f.name()) : form.values().get(f.name());
                if (value != null && f.type() != FieldType.PHOTO) {
                    fields.add(new LabelledValue(f.name(), f.label().in(locale), f.type().name().toLowerCase(Locale.ROOT),
                            label(f, value, locale)));
                }
            }
        } else {
            task.data().forEach((k, v) -> fields.add(new LabelledValue(k, k, "text", v)));
        }
        return new Detail(task, fields, found.reviewNote());
    }

    /** A value as the citizen picked it: the option's label for a choice. */
    private static Object label(Field f, Object value, Locale locale) {
        if (f.choices().isEmpty()) {
            return value;
        }
        Function<Object, String> one = v -> f.choices().stream().filter(c -> c.value().equals(String.valueOf(v)))
                .map(c -> c.label().in(locale)).findFirst().orElse(String.valueOf(v));
        return value instanceof List<?> list ? String.join("、", list.stream().map(one).toList()) : one.apply(value);
    }

    /** The reasons of the dictionary for the business (its own first), in the language. */
    public List<Reason> reasons(String businessType, Locale locale) {
        List<ReturnReason> own = types.find(businessType).map(b -> b.type().returnReasons()).orElse(List.of());
        return Stream.concat(own.stream().map(r -> new Reason(r.code(), r.label().in(locale))),
                GENERAL.stream().map(code -> new Reason(code, Messages.text("review.reason." + code).in(locale)))).toList();
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
