package org.shebao.engine.internal.rating;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;

/**
 * 好差评: a citizen rates a task of theirs once it is finished (APPROVED or RETURNED), once, 1 to 5 stars with an
 * optional comment of at most {@value #MAX_COMMENT} characters; finished tasks not rated are recalled for
 * {@value #REMIND_DAYS} days.
 */
@Component(service = Ratings.class)
public class Ratings {

    static final int MAX_COMMENT = 500;
    static final int REMIND_DAYS = 30;
    private static final List<TaskState> FINISHED = List.of(TaskState.APPROVED, TaskState.RETURNED);

    /** A rating as its citizen sees it. */
    public record Rating(long taskId, int stars, String comment, Instant at) {
    }

    /** A finished task waiting for its rating. */
    public record Due(long taskId, String businessType, String businessName, TaskState state, Instant decidedAt) {
    }

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public Ratings(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Rates the owner's task; refused, changing nothing, when it cannot be. */
    public Rating rate(String owner, long taskId, Integer stars, String comment) {
        if (stars == null || stars < 1 || stars > 5) {
            throw bad("stars", Messages.text("rating.stars.invalid"));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.codePointCount(0, text.length()) > MAX_COMMENT) {
            throw bad("comment", Messages.text("rating.comment.tooLong", MAX_COMMENT));
        }
        try {
            return Transactions.inTransaction(jpa, em -> {
                Object[] task = task(em, owner, taskId);
                if (!FINISHED.contains((TaskState) task[1])) {
                    throw new ShebaoException(Kind.CONFLICT, "task-not-finished", Messages.text("rating.notFinished"));
                }
                if (em.find(RatingEntity.class, taskId) != null) {
                    throw already();
                }
                RatingEntity r = new RatingEntity(taskId, owner, (String) task[2], (String) task[3], stars, text, clock.millis());
                em.persist(r);
                em.flush();
                return view(r);
            });
        } catch (RuntimeException e) {
            if (Transactions.uniqueViolation(e)) {
                throw already(); // two ratings of the task at once: the other one came first
            }
            throw e;
        }
    }

    /** The owner's rating of their task; 404 when the task is not theirs or not rated. */
    public Rating of(String owner, long taskId) {
        return Transactions.inTransaction(jpa, em -> {
            task(em, owner, taskId);
            return Optional.ofNullable(em.find(RatingEntity.class, taskId)).map(Ratings::view)
                    .orElseThrow(() -> new ShebaoException(Kind.NOT_FOUND, "not-rated", Messages.text("rating.notRated")));
        });
    }

    /** The owner's tasks finished in the last {@value #REMIND_DAYS} days and not rated, newest first. */
    public List<Due> due(String owner, Locale locale) {
        long since = clock.millis() - Duration.ofDays(REMIND_DAYS).toMillis();
        boolean english = "en".equals(locale.getLanguage());
        return Transactions.inTransaction(jpa, em -> em.createQuery("SELECT t.id, t.businessType, t.businessName,"
                + " t.businessNameEn, t.state, t.decidedAt FROM TaskEntity t WHERE t.owner = :o AND t.state IN :s"
                + " AND t.decidedAt >= :since AND NOT EXISTS (SELECT r.taskId FROM RatingEntity r WHERE r.taskId = t.id)"
                + " ORDER BY t.decidedAt DESC", Object[].class).setParameter("o", owner).setParameter("s", FINISHED)
                .setParameter("since", since).setMaxResults(50).getResultList().stream()
                .map(row -> new Due((Long) row[0], (String) row[1], english && row[3] != null ? (String) row[3] : (String) row[2],
                        (TaskState) row[4], Instant.ofEpochMilli((Long) row[5]))).toList());
    }

    /** The task's owner, state, business and district; 404 unless it is the owner's. */
    private static Object[] task(EntityManager em, String owner, long taskId) {
        List<Object[]> found = em.createQuery("SELECT t.owner, t.state, t.businessType, t.district FROM TaskEntity t"
                + " WHERE t.id = :id", Object[].class).setParameter("id", taskId).getResultList();
        if (found.isEmpty() || !owner.equals(found.get(0)[0])) {
            throw new ShebaoException(Kind.NOT_FOUND, "task-not-found", Messages.text("task.notFound"));
        }
        return found.get(0);
    }

    private static Rating view(RatingEntity r) {
        return new Rating(r.taskId, r.stars, r.comment, Instant.ofEpochMilli(r.ratedAt));
    }

    private static ShebaoException already() {
        return new ShebaoException(Kind.CONFLICT, "already-rated", Messages.text("rating.already"));
    }

    private static ShebaoException bad(String field, org.shebao.api.i18n.Text why) {
        return new ShebaoException(Kind.BAD_INPUT, "invalid-rating", why, List.of(new FieldError(field, why)));
    }
}
