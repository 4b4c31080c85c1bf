package org.shebao.api.account;

import java.security.Principal;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.i18n.Text;
import java.util.Set;

/**
 * A logged-in person: a citizen (login = resident ID number) or a member of staff (login = user name).
 * It is the {@link Principal} of the JAX-RS {@code SecurityContext} of every authenticated request.
 *
 * @param login       resident ID number or user name
 * @param displayName the person's name
 * @param district    district code (GB/T 2260), {@code 420100} for the whole city
 * @param roles       what the account may do
 */
public record Account(String login, String displayName, String district, Set<Role> roles) implements Principal {

    public Account {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return login;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller behind a request's principal (JAX-RS {@code SecurityContext.getUserPrincipal()}), or a 401 refusal. */
    public static Account of(Principal principal) {
        if (principal instanceof Account account) {
            return account;
        }
        throw new ShebaoException(Kind.UNAUTHENTICATED, "not-logged-in", text("account.required"));
    }

    /** As {@link #of(Principal)}, and holding one of the roles, else a 403 refusal. */
    public static Account of(Principal principal, Role... anyOf) {
        Account account = of(principal);
        if (java.util.Arrays.stream(anyOf).noneMatch(account::has)) {
            throw new ShebaoException(Kind.FORBIDDEN, "forbidden", text("account.forbidden"));
        }
        return account;
    }

    private static Text text(String key) {
        return Text.of(Account.class, "org.shebao.api.account.messages", key);
    }
}
