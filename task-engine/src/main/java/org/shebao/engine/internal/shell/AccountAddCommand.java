package org.shebao.engine.internal.shell;

import java.security.SecureRandom;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.api.account.AccountService;
import org.shebao.api.account.Role;
import org.shebao.api.records.Rates;

/**
 * {@code shebao:account-add <username> --role <ROLE>}: a staff, administrator or payment channel account with a
 * generated password, printed once (how a new installation gets its first administrator and its channels).
 */
@Service
@Command(scope = "shebao", name = "account-add", description = "Creates a staff, administrator or payment channel account")
public class AccountAddCommand implements Action {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Reference
    AccountService accounts;

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
        Role r = Role.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
        if (r == Role.CITIZEN) {
            return "Citizens log in with their ID number; create them from the records, not here.";
        }
        if (accounts.find(username.trim()).isPresent()) {
            return "Account " + username.trim() + " exists already; nothing changed.";
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        accounts.saveStaff(username.trim(), name == null || name.isBlank() ? username.trim() : name.trim(),
                district == null || district.isBlank() ? Rates.CITY : district.trim(), r, password.toString().toCharArray());
        return "Account " + username.trim() + " (" + r + ") created; its password, shown once: " + password;
    }
}
