package org.shebao.engine.internal.shell;

import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.api.ShebaoException;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Rates;
import org.shebao.engine.internal.account.StaffAccounts;
import org.shebao.engine.internal.cluster.AuditLog;

/**
 * {@code shebao:account-add --role <ROLE> <username>}: a staff, administrator or payment channel account with a
 * temporary password, printed once, that its first login must change (how a new installation gets its first
 * administrator and its channels). The operator at the console acts as the city's administrator; audited as
 * {@code shell}.
 */
@Service
@Command(scope = "shebao", name = "account-add", description = "Creates a staff, administrator or payment channel account")
public class AccountAddCommand implements Action {

    private static final Account OPERATOR = new Account("shell", "Karaf console", Rates.CITY, Set.of(Role.ADMIN));

    @Reference
    StaffAccounts staff;

    @Reference
    AuditLog audit;

    @Argument(index = 0, name = "username", required = true, description = "The login")
    String username;

    @Option(name = "--role", required = true, description = "REVIEWER, DISTRICT_ADMIN, ADMIN or PAYMENT_CHANNEL")
    String role;

    @Option(name = "--name", description = "Display name (default: the login)")
    String name;

    @Option(name = "--district", description = "District code (default 420100, the city)")
    String district;

    @Override
    public Object execute() {
        // printed, not returned: the shell prints returned values only at an interactive console, not for bin/client -b
        System.out.println(run());
        return null;
    }

    private String run() {
        Role r;
        try {
            r = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "Unknown role " + role + ": REVIEWER, DISTRICT_ADMIN, ADMIN or PAYMENT_CHANNEL.";
        }
        String where = district == null || district.isBlank() ? Rates.CITY : district.trim();
        try {
            StaffAccounts.Temporary made = staff.create(OPERATOR, username,
                    name == null || name.isBlank() ? username.trim() : name.trim(), Set.of(r), where);
            audit.record(OPERATOR.login(), "ACCOUNT_CREATED", made.username(), where, null, "[" + r + "]");
            return "Account " + made.username() + " (" + r + ") created; its temporary password, shown once (the first"
                    + " login must change it): " + made.temporaryPassword();
        } catch (ShebaoException refused) {
            return "Nothing changed: " + refused.getMessage();
        }
    }
}
