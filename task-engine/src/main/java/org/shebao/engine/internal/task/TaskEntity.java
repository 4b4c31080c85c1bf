package org.shebao.engine.internal.task;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.shebao.api.task.TaskState;

/**
 * A task of any business. {@code openKey} is set while the task is open (owner and business) and is
 * unique, so the database itself refuses a second open task of the same business for the same citizen.
 * The approval pipeline claims a task by writing {@code claimedBy}/{@code claimedUntil} (a lease).
 */
@Entity
@Table(name = "SB_TASK", indexes = {
        @Index(name = "SB_TASK_OWNER", columnList = "OWNER,STATE"),
        @Index(name = "SB_TASK_QUEUE", columnList = "STATE,REVIEWSTAGE,DUEAT")})
@TableGenerator(name = "SB_TASK_ID", table = "SB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXTVALUE",
        pkColumnValue = "TASK", allocationSize = 50)
public class TaskEntity {

    /** Where a submitted task is reviewed. */
    public enum ReviewStage {
        /** By its business's automatic review, in the approval pipeline. */
        AUTO,
        /** By a reviewer of its district. */
        HUMAN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_TASK_ID")
    long id;

    @Version
    long version;

    @Column(nullable = false, length = 64)
    String businessType;

    @Column(nullable = false, length = 32)
    String businessVersion;

    /** The business's name when the task was made, so that lists show it while the plugin is away. */
    @Column(nullable = false, length = 200)
    String businessName;

    @Column(nullable = false, length = 200)
    String businessNameEn;

    @Column(nullable = false, length = 64)
    String owner;

    @Column(nullable = false, length = 6)
    String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    TaskState state;

    @Column(unique = true, length = 140)
    String openKey;

    boolean returned;

    @Column(length = 64)
    String returnCode;

    @Column(length = 2000)
    String returnReason;

    @Column(length = 2000)
    String returnReasonEn;

    @Lob
    @Column(nullable = false)
    String data;

    @Lob
    String assessment;

    /** What the task's tables showed when it was last submitted or decided, by language: {@link Snapshots}. */
    @Lob
    String snapshot;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    ReviewStage reviewStage;

    @Column(length = 2000)
    String reviewNote;

    long dueAt;

    @Column(length = 80)
    String claimedBy;

    long claimedUntil;

    long createdAt;

    long updatedAt;

    Long submittedAt;

    Long decidedAt;

    protected TaskEntity() {
    }

    TaskEntity(String businessType, String businessVersion, String owner, String district, long now) {
        this.businessType = businessType;
        this.businessVersion = businessVersion;
        this.owner = owner;
        this.district = district;
        this.createdAt = now;
        this.updatedAt = now;
        moveTo(TaskState.DRAFT);
    }

    /** Changes the state and keeps {@code openKey} in step with it. */
    void moveTo(TaskState next) {
        this.state = next;
        this.openKey = next.open() ? owner + "|" + businessType : null;
        if (next != TaskState.SUBMITTED) {
            reviewStage = null;
            claimedBy = null;
            claimedUntil = 0;
        }
    }
}
