package org.shebao.engine.internal.records;

import javax.persistence.EntityManager;

/**
 * Who changes a person's records, and on the authority of which task: every change is audited with both.
 *
 * @param login  the approver's login, {@code system}, {@code import}, or the citizen's own
 * @param taskId the task, or null
 */
public record Actor(String login, Long taskId) {

    public static final Actor SYSTEM = new Actor("system", null);
    public static final Actor IMPORT = new Actor("import", null);

    public static Actor of(String login) {
        return new Actor(login == null ? "system" : login, null);
    }

    /** One line of the person's audit trail (a payment of no known person: the id {@code -}). */
    public void audit(EntityManager em, String idNumber, String action, String detail, long now) {
        em.persist(new RecordAuditEntity(idNumber, now, login, action, detail, taskId));
    }
}
