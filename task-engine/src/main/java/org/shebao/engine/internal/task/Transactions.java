package org.shebao.engine.internal.task;

import java.sql.SQLIntegrityConstraintViolationException;

import javax.persistence.OptimisticLockException;

import org.shebao.api.ShebaoException;

/** Exceptions out of a JPA transaction, seen for what they mean. */
final class Transactions {

    private Transactions() {
    }

    /** The refusal inside, if the transaction failed because of one (Aries may wrap it). */
    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShebaoException se) {
                return se;
            }
        }
        return e;
    }

    static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean optimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
