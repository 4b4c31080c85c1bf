package org.shebao.api.account;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The platform's account store: citizens and staff, with salted password hashes. */
@ProviderType
public interface AccountService {

    /**
     * Creates a citizen's account, or updates the name, district and password of an existing one.
     *
     * @throws org.shebao.api.ShebaoException BAD_INPUT when the ID number's check character is wrong
     */
    Account saveCitizen(String idNumber, String name, String district, char[] password);

    /** Creates a staff account with one role, or updates an existing one. */
    Account saveStaff(String username, String name, String district, Role role, char[] password);

    Optional<Account> find(String login);

    /** The accounts that have the role, by login. */
    java.util.List<Account> withRole(Role role);

    /** The account when the password matches; empty otherwise (unknown login or wrong password alike). */
    Optional<Account> authenticate(String login, char[] password);
}
