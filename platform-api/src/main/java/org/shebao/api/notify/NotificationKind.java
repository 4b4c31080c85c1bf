package org.shebao.api.notify;

/** What happened, as the inbox and the notifiers name it. */
public enum NotificationKind {
    /** A task of the citizen's was approved. */
    TASK_APPROVED,
    /** A task of the citizen's was returned, with the reason. */
    TASK_RETURNED,
    /** A problem report of the citizen's was answered. */
    REPORT_ANSWERED,
    /** A payment of one of the citizen's slips was applied to the ledger. */
    PAYMENT_APPLIED,
    /** One of the citizen's payment slips has at most 3 days of validity left. */
    SLIP_EXPIRING,
    /** A contribution certificate was issued to the citizen. */
    CERTIFICATE_ISSUED,
    /** For a district's reviewers: a task was referred to a human. */
    TASK_REFERRED
}
