package org.shebao.engine.internal.task;

import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;
import org.shebao.api.notify.NotificationKind;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.notify.Inbox;

/**
 * The inbox entries of a task's decisions, written in the decision's transaction: the citizen hears of an approval
 * or a return (with its reason), the district's reviewers of a task referred to them.
 */
@Component(service = TaskNotices.class)
public class TaskNotices {

    private final Inbox inbox;

    @Activate
    public TaskNotices(@Reference Inbox inbox) {
        this.inbox = inbox;
    }

    void approved(EntityManager em, TaskEntity task) {
        inbox.post(em, task.owner, NotificationKind.TASK_APPROVED,
                Messages.text("notify.taskApproved", name(task), String.valueOf(task.id)), link(task), null);
    }

    void returned(EntityManager em, TaskEntity task, Text reason) {
        inbox.post(em, task.owner, NotificationKind.TASK_RETURNED,
                Messages.text("notify.taskReturned", name(task), String.valueOf(task.id), reason), link(task), null);
    }

    void referred(EntityManager em, TaskEntity task, Text note) {
        List<String> reviewers = em.createQuery("SELECT a.login FROM AccountEntity a WHERE a.district = :d"
                + " AND a.roles LIKE :r AND a.enabled = :yes ORDER BY a.login", String.class)
                .setParameter("d", task.district).setParameter("yes", Boolean.TRUE)
                .setParameter("r", "%" + Role.REVIEWER.name() + "%").getResultList();
        Text text = Messages.text("notify.taskReferred", name(task), String.valueOf(task.id), note);
        reviewers.forEach(r -> inbox.post(em, r, NotificationKind.TASK_REFERRED, text, "#/review/" + task.id, null));
    }

    private static Text name(TaskEntity task) {
        return locale -> "en".equals(locale.getLanguage()) && task.businessNameEn != null ? task.businessNameEn
                : task.businessName;
    }

    private static String link(TaskEntity task) {
        return "#/task/" + task.id;
    }
}
