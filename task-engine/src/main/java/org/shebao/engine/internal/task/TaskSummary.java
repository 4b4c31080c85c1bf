package org.shebao.engine.internal.task;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.TaskEntity.ReviewStage;

/**
 * What a task shows in a list: its columns without the form data, assessment and snapshots (large objects the
 * database reads apart from the row), read by a list with {@link #SELECT} or taken from a task already loaded.
 * Public: EclipseLink makes it with its public constructor (the package is not exported).
 */
public record TaskSummary(long id, String businessType, String businessName, String businessNameEn, TaskState state,
        boolean returned, String returnReason, String returnReasonEn, long version, long createdAt, long updatedAt,
        Long submittedAt, Long decidedAt, ReviewStage reviewStage, String owner, String district) {

    /** A JPQL select list of the columns above, in their order, for {@code t}. */
    static final String SELECT = "SELECT NEW " + TaskSummary.class.getName() + "(t.id, t.businessType, t.businessName,"
            + " t.businessNameEn, t.state, t.returned, t.returnReason, t.returnReasonEn, t.version, t.createdAt,"
            + " t.updatedAt, t.submittedAt, t.decidedAt, t.reviewStage, t.owner, t.district)";

    static TaskSummary of(TaskEntity t) {
        return new TaskSummary(t.id, t.businessType, t.businessName, t.businessNameEn, t.state, t.returned,
                t.returnReason, t.returnReasonEn, t.version, t.createdAt, t.updatedAt, t.submittedAt, t.decidedAt,
                t.reviewStage, t.owner, t.district);
    }

    TaskDto dto(Locale locale) {
        return dto(locale, null, null, null, null, null);
    }

    /** The task as the citizen reads it, in their language, with what a detail adds (null in a list). */
    TaskDto dto(Locale locale, Map<String, Object> data, Map<String, Object> assessment,
            List<TaskDto.HistoryEntry> history, List<Long> attachments, Map<String, Object> snapshot) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String reason = returned ? (english && returnReasonEn != null ? returnReasonEn : returnReason) : null;
        return new TaskDto(id, businessType, english ? businessNameEn : businessName, state,
                Messages.text(Lifecycle.statusKey(state)).in(locale), returned, reason, version, data, assessment,
                Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt),
                submittedAt == null ? null : Instant.ofEpochMilli(submittedAt),
                decidedAt == null ? null : Instant.ofEpochMilli(decidedAt),
                state == TaskState.SUBMITTED ? reviewStage == ReviewStage.HUMAN : null, owner, district, history,
                attachments, snapshot);
    }
}
