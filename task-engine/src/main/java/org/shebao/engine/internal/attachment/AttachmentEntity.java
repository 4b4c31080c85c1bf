package org.shebao.engine.internal.attachment;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A photo attached to a task (JPEG or PNG, checked by decoding it); a person's photo is one of these. */
@Entity
@Table(name = "SB_ATTACHMENT", indexes = @Index(name = "SB_ATTACHMENT_TASK", columnList = "TASKID"))
@TableGenerator(name = "SB_ATTACHMENT_ID", table = "SB_SEQUENCE", pkColumnName = "NAME",
        valueColumnName = "NEXTVALUE", pkColumnValue = "ATTACHMENT", allocationSize = 20)
public class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_ATTACHMENT_ID")
    long id;

    long taskId;

    @Column(nullable = false, length = 32)
    String contentType;

    long size;

    int width;

    int height;

    long createdAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    byte[] content;

    protected AttachmentEntity() {
    }

    public AttachmentEntity(long taskId, String contentType, byte[] content, int width, int height, long now) {
        this.taskId = taskId;
        this.contentType = contentType;
        this.content = content.clone();
        this.size = content.length;
        this.width = width;
        this.height = height;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public long taskId() {
        return taskId;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public byte[] content() {
        return content.clone();
    }
}
