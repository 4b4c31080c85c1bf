package org.shebao.engine.internal.db;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Function;

import javax.persistence.EntityManager;

import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.shebao.api.ShebaoException;

/** Exceptions out of a JPA transaction, seen for what they mean. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs the work in one transaction of the unit; a refusal thrown inside comes out as itself,
     * whatever Aries JPA wrapped it in.
     */
    public static <T> T inTransaction(JpaTemplate jpa, Function<EntityManager, T> work) {
        try {
            return jpa.txExpr(work::apply);
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /** The refusal inside, if the transaction failed because of one (Aries may wrap it). */
    public static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShebaoException se) {
                return se;
            }
        }
        return e;
    }

    public static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether another transaction came in the way and trying again may succeed: a unique key taken meanwhile, a row
     * changed meanwhile, a deadlock or a lock wait timed out.
     */
    public static boolean retryable(Throwable e) {
        return uniqueViolation(e) || contention(e);
    }

    /**
     * Whether the transaction lost to another one, whatever it did: a row changed meanwhile, a deadlock, a lock wait
     * timed out (on Derby also its identity generator's), a serialization failure (SQL states of class 40, and
     * PostgreSQL's lock not available).
     */
    public static boolean contention(Throwable e) {
        if (optimisticLock(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && java.util.Set.of("40001", "40XL1", "40XL2", "40P01", "55P03").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static boolean optimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
