package org.shebao.engine.internal.records;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** The audit trail of changes to a person's records: who, when, what, on the authority of which task. */
@Entity
@Table(name = "SB_RECORD_AUDIT", indexes = @Index(name = "SB_RECORD_AUDIT_PERSON", columnList = "IDNUMBER"))
@TableGenerator(name = "SB_RECORD_AUDIT_ID", table = "SB_SEQUENCE", pkColumnName = "NAME",
        valueColumnName = "NEXTVALUE", pkColumnValue = "RECORD_AUDIT", allocationSize = 50)
public class RecordAuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_RECORD_AUDIT_ID")
    long id;

    @Column(nullable = false, length = 18)
    String idNumber;

    long occurredAt;

    @Column(nullable = false, length = 64)
    String actor;

    @Column(nullable = false, length = 32)
    String action;

    @Column(length = 1000)
    String detail;

    /** The task on whose authority the change was made, if any. */
    Long taskId;

    protected RecordAuditEntity() {
    }

    RecordAuditEntity(String idNumber, long occurredAt, String actor, String action, String detail, Long taskId) {
        this.taskId = taskId;
        this.idNumber = idNumber;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
