package org.shebao.engine.internal.schema;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.core.PreconditionContainer;

/**
 * Whether an update left nothing for Liquibase to try again: every changeset it visited ran or was marked ran, none
 * skipped by a precondition that continues, failed without failing the update, or runs always. (Liquibase visits only
 * the changesets not applied before, and for this database.)
 */
final class EveryChangeSetRan extends AbstractChangeExecListener {

    private volatile boolean all = true;

    boolean all() {
        return all;
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
        if (execType == ChangeSet.ExecType.SKIPPED || execType == ChangeSet.ExecType.FAILED || changeSet.isAlwaysRun()) {
            all = false;
        }
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        all = false;
    }

    @Override
    public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
        if (onFail == PreconditionContainer.FailOption.CONTINUE) {
            all = false;
        }
    }

    @Override
    public void preconditionErrored(PreconditionErrorException error, PreconditionContainer.ErrorOption onError) {
        if (onError == PreconditionContainer.ErrorOption.CONTINUE) {
            all = false;
        }
    }
}
