package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.engine.internal.account.SessionStore;

/** {@code shebao:sessions-purge}: deletes the sessions that have ended now, rather than at the next periodic purge. */
@Service
@Command(scope = "shebao", name = "sessions-purge", description = "Deletes ended login sessions (idle or past their lifetime)")
public class SessionsPurgeCommand implements Action {

    @Reference
    SessionStore sessions;

    @Override
    public Object execute() {
        System.out.println("purged " + sessions.purge() + " ended sessions");
        return null;
    }
}
