package org.shebao.api.task;

import java.time.LocalDate;
import java.util.List;

import org.shebao.api.account.Account;

/**
 * A submitted task as a business sees it when it reviews it and when it applies its effect.
 *
 * @param id               the task's id
 * @param businessType     the business type id
 * @param businessVersion  the plugin version the task was made with
 * @param applicant        the citizen
 * @param data             what the citizen entered
 * @param assessment       the figures the citizen was shown when submitting
 * @param attachmentIds    photos attached to the task
 * @param submittedOn      the bureau's day (Asia/Shanghai) it was (last) submitted
 */
public record TaskView(long id, String businessType, String businessVersion, Account applicant, FormData data,
        Assessment assessment, List<Long> attachmentIds, LocalDate submittedOn) {

    public TaskView {
        attachmentIds = List.copyOf(attachmentIds);
    }
}
