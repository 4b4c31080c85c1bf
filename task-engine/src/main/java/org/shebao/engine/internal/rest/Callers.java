package org.shebao.engine.internal.rest;

import java.util.Arrays;

import javax.ws.rs.core.SecurityContext;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;

/** Who is calling, or a 401/403 refusal. */
public final class Callers {

    private Callers() {
    }

    public static Account require(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Account account) {
            return account;
        }
        throw new ShebaoException(Kind.UNAUTHENTICATED, "not-logged-in", Messages.text("session.required"));
    }

    public static Account require(SecurityContext security, Role... anyOf) {
        Account account = require(security);
        if (Arrays.stream(anyOf).noneMatch(account::has)) {
            throw new ShebaoException(Kind.FORBIDDEN, "forbidden", Messages.text("problem.http.403"));
        }
        return account;
    }
}
