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

    /**
     * Creates those of the accounts that do not exist yet (login, name, district and roles as given; a citizen's
     * login is the ID number), all with one password hashed once, so that they share its salt and hash: for
     * accounts whose password is public anyway, such as a demo's, where a hash apiece would cost a quarter of a
     * second of CPU each. Equal hashes show equal passwords, so never for people's own passwords. Accounts that exist
     * are left as they are (a changed password stays changed), and when none is missing no hash is made. Every
     * account is checked as {@link #saveCitizen} or {@link #saveStaff} would (a citizen's roles: that one alone) before
     * any is created.
     *
     * @return the accounts created
     * @throws org.shebao.api.ShebaoException BAD_INPUT when an account or the password would not be accepted one by
     *         one
     */
    java.util.List<Account> createMissing(java.util.List<Account> accounts, char[] password);

    Optional<Account> find(String login);

    /** The accounts that have the role, by login. */
    java.util.List<Account> withRole(Role role);

    /** The account when the password matches; empty otherwise (unknown login or wrong password alike). */
    Optional<Account> authenticate(String login, char[] password);
}
