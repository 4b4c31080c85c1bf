package org.shebao.api.account;

import java.security.Principal;
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
}
