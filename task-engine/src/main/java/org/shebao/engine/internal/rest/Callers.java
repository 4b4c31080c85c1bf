package org.shebao.engine.internal.rest;


import javax.ws.rs.core.SecurityContext;

import org.shebao.api.account.Account;
import org.shebao.api.account.Role;

/** Who is calling, or a 401/403 refusal. */
public final class Callers {

    private Callers() {
    }

    public static Account require(SecurityContext security) {
        return Account.of(security == null ? null : security.getUserPrincipal());
    }

    public static Account require(SecurityContext security, Role... anyOf) {
        return Account.of(security == null ? null : security.getUserPrincipal(), anyOf);
    }
}
