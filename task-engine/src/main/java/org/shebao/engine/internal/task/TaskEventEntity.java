package org.shebao.engine.internal.task;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.shebao.api.task.TaskState;

/** One transition of a task: who, when, from, to, and a comment (return reason, reviewer's note). */
@Entity
@Table(name = "SB_TASK_EVENT", indexes = @Index(name = "SB_TASK_EVENT_TASK", columnList = "TASKID"))
@TableGenerator(name = "SB_TASK_EVENT_ID", table = "SB_SEQUENCE", pkColumnName = "NAME",
        valueColumnName = "NEXTVALUE", pkColumnValue = "TASK_EVENT", allocationSize = 100)
public class TaskEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_TASK_EVENT_ID")
    long id;

    long taskId;

    /** AT is reserved in Derby. */
    @Column(name = "OCCURREDAT")
    long at;

    @Column(nullable = false, length = 64)
    String actor;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    TaskState fromState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    TaskState toState;

    @Column(length = 2000)
    String comment;

    protected TaskEventEntity() {
    }

    TaskEventEntity(long taskId, long at, String actor, TaskState from, TaskState to, String comment) {
        this.taskId = taskId;
        this.at = at;
        this.actor = actor;
        this.fromState = from;
        this.toState = to;
        this.comment = comment == null || comment.length() <= 2000 ? comment : comment.substring(0, 2000);
    }
}
