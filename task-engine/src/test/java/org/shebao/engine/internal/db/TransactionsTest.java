package org.shebao.engine.internal.db;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.junit.Test;

/** What may succeed when tried again, however deep JPA wrapped what the database said. */
public class TransactionsTest {

    @Test
    public void contentionIsWorthAnotherTry() {
        // Derby: a lock wait timed out (also its identity generator under contention), a deadlock
        assertTrue(Transactions.contention(wrapped(new SQLTransactionRollbackException(
                "A lock could not be obtained within the time requested", "40XL1"))));
        assertTrue(Transactions.contention(wrapped(new SQLTransactionRollbackException("deadlock", "40001"))));
        // PostgreSQL: a serialization failure, a deadlock
        assertTrue(Transactions.contention(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(Transactions.retryable(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(Transactions.contention(new PersistenceException(new OptimisticLockException("changed"))));
        assertTrue(Transactions.contention(wrapped(new SQLException("could not obtain lock", "55P03"))));
    }

    @Test
    public void aUniqueKeyTakenMeanwhileIsWorthAnotherTryButIsNoContention() {
        RuntimeException taken = wrapped(new SQLIntegrityConstraintViolationException("taken", "23505"));
        assertTrue(Transactions.retryable(taken));
        // the automatic review refers such a task to staff rather than claiming it again and again
        assertFalse(Transactions.contention(taken));
    }

    @Test
    public void otherFailuresAreNot() {
        assertFalse(Transactions.retryable(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(Transactions.contention(wrapped(new SQLException("no such table", "42X05"))));
        assertFalse(Transactions.contention(new IllegalStateException("a plugin's bug")));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException("database", cause));
    }
}
