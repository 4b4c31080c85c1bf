package org.shebao.engine.internal.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.shebao.api.task.TaskState;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A task as the REST API shows it (API.md); lists leave out data, assessment and history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskDto(long id, String businessType, String businessName, TaskState state, String status,
        boolean returned, String returnReason, long version, Map<String, Object> data, Map<String, Object> assessment,
        Instant createdAt, Instant updatedAt, Instant submittedAt, Instant decidedAt, Boolean waitingForReviewer,
        String applicant, String district, List<HistoryEntry> history, List<Long> attachments,
        Map<String, Object> snapshot) {

    /** One transition in a task's history. */
    public record HistoryEntry(Instant at, String actor, TaskState from, TaskState to, String comment) {
    }
}
