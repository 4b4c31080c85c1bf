package org.shebao.engine.internal.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.shebao.api.account.Account;
import org.shebao.api.account.Role;

/** A login: citizen (resident ID number) or staff (user name). */
@Entity
@Table(name = "SB_ACCOUNT")
public class AccountEntity {

    @Id
    @Column(length = 64)
    private String login;

    @Column(nullable = false, length = 100)
    private String displayName;

    @Column(nullable = false, length = 6)
    private String district;

    /** Role names, comma separated. */
    @Column(nullable = false, length = 100)
    private String roles;

    @Column(nullable = false, length = 200)
    private String passwordHash;

    /** A disabled account cannot log in, and its sessions no longer resolve. */
    @Column(nullable = false)
    private boolean enabled = true;

    /** Set by a temporary password: every call but the password change is refused until it is changed. */
    @Column(nullable = false)
    private boolean mustChangePassword;

    /** The language the person last used the console in (what is sent to them beyond it is in it). */
    @Column(length = 16)
    private String language;

    protected AccountEntity() {
    }

    AccountEntity(String login) {
        this.login = login;
    }

    void update(String displayName, String district, Set<Role> roles, String passwordHash) {
        this.displayName = displayName;
        this.district = district;
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        this.passwordHash = passwordHash;
    }

    String login() {
        return login;
    }

    void rehash(String stronger) {
        this.passwordHash = stronger;
    }

    /** A new password the account's holder chose: no longer a temporary one. */
    void choose(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
    }

    /** A temporary password an administrator handed out: the next login must change it. */
    void temporary(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
    }

    void enable(boolean on) {
        this.enabled = on;
    }

    boolean enabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    String passwordHash() {
        return passwordHash;
    }

    Account toAccount() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return new Account(login, displayName, district, set);
    }
}
