package org.shebao.api.records;

import org.shebao.api.i18n.Text;

/** Contribution status of an enrolment (AAC031). */
public enum EnrolmentStatus {
    /** 1 参保缴费. */
    PAYING,
    /** 2 暂停缴费. */
    SUSPENDED,
    /** 3 终止缴费. */
    TERMINATED;

    public Text label() {
        return Text.of(EnrolmentStatus.class, "org.shebao.api.records.messages", "enrolmentStatus." + name());
    }
}
