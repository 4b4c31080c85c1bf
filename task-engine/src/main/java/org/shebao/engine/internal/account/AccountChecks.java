package org.shebao.engine.internal.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Role;
import org.shebao.api.records.ResidentId;
import org.shebao.engine.internal.Messages;

/** What an account must be before it is stored: each refusal a 400 naming its field, in the caller's language. */
final class AccountChecks {

    static final Set<Role> STAFF = EnumSet.of(Role.REVIEWER, Role.DISTRICT_ADMIN, Role.ADMIN, Role.PAYMENT_CHANNEL);
    private final PasswordRules rules = new PasswordRules();

    /** A citizen's roles (that one alone) or a member of staff's (one or more staff roles). */
    void roles(Set<Role> roles) {
        if (!roles.equals(Set.of(Role.CITIZEN)) && (roles.isEmpty() || !STAFF.containsAll(roles))) {
            throw badInput("roles", "account.roles.invalid");
        }
    }

    /** A citizen's login: the ID number, its check character right (upper case). */
    String citizenLogin(String idNumber) {
        return ResidentId.parse(idNumber).orElseThrow(() -> badInput("idNumber", "account.idNumber.invalid")).value();
    }

    /** A member of staff's login: the user name, trimmed. */
    String staffLogin(String username) {
        if (username == null || username.isBlank()) {
            throw badInput("username", "account.field.required");
        }
        return username.trim();
    }

    void nameAndDistrict(String name, String district) {
        if (name == null || name.isBlank()) {
            throw badInput("name", "account.field.required");
        }
        if (district == null || !district.matches("\\d{6}")) {
            throw badInput("district", "account.field.required");
        }
    }

    /** The password keeps the rules for this login. */
    void password(String login, char[] password) {
        if (password == null) {
            throw badInput("password", "account.field.required");
        }
        rules.refusal(login, password).ifPresent(why -> {
            throw new ShebaoException(Kind.BAD_INPUT, "weak-password", why, List.of(new FieldError("password", why)));
        });
    }

    static ShebaoException badInput(String field, String key) {
        return new ShebaoException(Kind.BAD_INPUT, "invalid-account", Messages.text(key),
                List.of(new FieldError(field, Messages.text(key))));
    }
}
