package org.shebao.api.task;

import java.time.LocalDate;

import org.shebao.api.account.Account;

/** Who a form, validation or assessment is for, and the bureau's today (Asia/Shanghai). */
public record Applicant(Account account, LocalDate today) {
}
