package org.shebao.api.task;

/** Where a task is in the one lifecycle every business shares. */
public enum TaskState {
    /** Saved: in the to-do list, not reviewed (未提交). */
    DRAFT,
    /** Under review (进行中), automatic or by a reviewer. */
    SUBMITTED,
    /** Approved and in effect (结束); final. */
    APPROVED,
    /** Sent back with a reason: in the to-do list again (未提交, returned flag set). */
    RETURNED,
    /** Cancelled by the citizen before review (已退单); kept in the history. */
    WITHDRAWN;

    /** True for the states that block a second task of the same business for the same citizen. */
    public boolean open() {
        return this == DRAFT || this == RETURNED || this == SUBMITTED;
    }
}
