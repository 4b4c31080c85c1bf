package org.shebao.engine.internal.rest;


import javax.ws.rs.core.SecurityContext;

import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;

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

    /**
     * The district an administrator's question is about: the one asked for (or none: the whole city) for the city's
     * administrator; a district's administrator's own (asked for, or by default), any other refused with 403 and the
     * text under {@code forbiddenKey}.
     */
    public static String districtScope(Account caller, String asked, Districts districts, String forbiddenKey) {
        String scope = asked == null || asked.isBlank() ? null : asked.trim();
        if (caller.has(Role.ADMIN)) {
            return scope;
        }
        if (scope != null && !scope.equals(caller.district())) {
            throw new ShebaoException(Kind.FORBIDDEN, "district-forbidden",
                    Messages.text(forbiddenKey, districts.name(caller.district())));
        }
        return caller.district();
    }
}
