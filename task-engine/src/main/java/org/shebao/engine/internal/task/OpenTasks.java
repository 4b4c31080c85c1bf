package org.shebao.engine.internal.task;

import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.engine.internal.Messages;

/** One open task per business per citizen (BUSINESS.md): the refusal names the open one. */
final class OpenTasks {

    private OpenTasks() {
    }

    static void refuseSecond(EntityManager em, Account caller, String typeId, Locale locale) {
        List<TaskEntity> open = em.createQuery("SELECT t FROM TaskEntity t WHERE t.openKey = :key", TaskEntity.class)
                .setParameter("key", caller.login() + "|" + typeId).getResultList();
        if (!open.isEmpty()) {
            TaskEntity t = open.get(0);
            throw new ShebaoException(Kind.CONFLICT, "open-task-exists", Messages.text("task.open.exists",
                    Locale.ENGLISH.equals(locale) ? t.businessNameEn : t.businessName, t.id,
                    Messages.text(Lifecycle.statusKey(t.state))));
        }
    }
}
