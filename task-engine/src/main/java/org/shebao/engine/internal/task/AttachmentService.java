package org.shebao.engine.internal.task;

import java.time.Clock;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.attachment.AttachmentEntity;
import org.shebao.engine.internal.attachment.Images;
import org.shebao.engine.internal.db.Transactions;

/** Photos attached to a task while the citizen may still change it; read by the citizen and the district's reviewers. */
@Component(service = AttachmentService.class, configurationPid = "org.shebao.attachments")
@Designate(ocd = AttachmentService.Config.class)
public class AttachmentService {

    @ObjectClassDefinition(name = "Shebao attachments")
    public @interface Config {
        @AttributeDefinition(description = "Largest photo accepted, in bytes")
        long maxBytes() default 2 * 1024 * 1024;

        @AttributeDefinition(description = "Photos a task may have")
        int maxPerTask() default 5;

        @AttributeDefinition(description = "Most pixels (width × height) of a photo, read from its header before decoding")
        long maxPixels() default 25_000_000;
    }

    /** What the REST layer answers after an upload: the photo and the task's new version. */
    public record Stored(long id, String contentType, long size, long version) {
    }

    /** A stored photo. */
    public record Photo(String contentType, byte[] content) {
    }

    private final JpaTemplate jpa;
    private final Clock clock;
    private volatile Config config;

    @Activate
    public AttachmentService(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference Clock clock, Config config) {
        this.jpa = jpa;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void configure(Config changed) {
        this.config = changed;
    }

    public long maxBytes() {
        return config.maxBytes();
    }

    public Stored attach(Account caller, long taskId, byte[] content) {
        if (content.length > config.maxBytes()) {
            throw new ShebaoException(Kind.TOO_LARGE, "attachment-too-large",
                    Messages.text("attachment.tooLarge", config.maxBytes() / 1024));
        }
        // whose task, and may it change, before any decoding work for the caller
        tx(em -> Tasks.next(Tasks.own(em, caller, taskId), Lifecycle.Action.EDIT));
        Images.Decoded image = Images.decode(content, config.maxPixels()).orElseThrow(() -> new ShebaoException(
                Kind.UNSUPPORTED_MEDIA_TYPE, "attachment-not-an-image", Messages.text("attachment.type")));
        return tx(em -> {
            TaskEntity task = Tasks.own(em, caller, taskId);
            Tasks.next(task, Lifecycle.Action.EDIT);
            long count = em.createQuery("SELECT COUNT(a) FROM AttachmentEntity a WHERE a.taskId = :t", Long.class)
                    .setParameter("t", taskId).getSingleResult();
            if (count >= config.maxPerTask()) {
                throw new ShebaoException(Kind.CONFLICT, "too-many-attachments",
                        Messages.text("attachment.tooMany", config.maxPerTask()));
            }
            AttachmentEntity a = new AttachmentEntity(taskId, image.contentType(), image.content(), image.width(),
                    image.height(), clock.millis());
            em.persist(a);
            task.updatedAt = clock.millis();
            em.lock(task, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // a new photo is an edit: the version moves on
            em.flush();
            return new Stored(a.id(), a.contentType(), a.size(), task.version);
        });
    }

    /** The photo, for its citizen or a reviewer of the task's district; otherwise not found. */
    public Photo read(Account caller, long taskId, long attachmentId) {
        return tx(em -> {
            TaskEntity task = em.find(TaskEntity.class, taskId);
            boolean mine = task != null && task.owner.equals(caller.login());
            boolean reviewer = task != null && caller.has(Role.REVIEWER) && task.district.equals(caller.district())
                    && Tasks.REVIEWABLE.contains(task.state);
            AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
            if (!(mine || reviewer) || a == null || a.taskId() != taskId) {
                throw Tasks.notFound();
            }
            return new Photo(a.contentType(), a.content());
        });
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
