package org.shebao.engine.internal.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.engine.internal.Messages;

/**
 * Staff accounts as administrators keep them: the platform administrator any staff account of any district, a
 * district administrator the reviewers and district administrators of their own district only. New accounts and
 * reset ones get a temporary password that their first login must change. Accounts outside the caller's reach are
 * answered as missing.
 */
@Component(service = StaffAccounts.class)
public class StaffAccounts {

    /** A staff account as listed. */
    public record Staff(String username, String name, Set<Role> roles, String district, boolean enabled) {
    }

    /** A new account and its temporary password, shown once. */
    public record Temporary(String username, String temporaryPassword) {
    }

    /** An account given a new temporary password. */
    public record Reset(Account account, String temporaryPassword) {
    }

    private static final Set<Role> DISTRICT_GRANTS = EnumSet.of(Role.REVIEWER, Role.DISTRICT_ADMIN);
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private final JpaTemplate jpa;
    private final AccountServiceImpl accounts;
    private final Districts districts;

    @Activate
    public StaffAccounts(@Reference(target = AccountServiceImpl.UNIT) JpaTemplate jpa,
            @Reference AccountServiceImpl accounts, @Reference Districts districts) {
        this.jpa = jpa;
        this.accounts = accounts;
        this.districts = districts;
    }

    /** The staff accounts the caller may see, of one role and district when given, by district and user name. */
    public List<Staff> list(Account caller, Role role, String district) {
        String scope = caller.has(Role.ADMIN) ? district : ownDistrict(caller, district);
        List<AccountEntity> rows = jpa.txExpr(em -> {
            var query = em.createQuery("SELECT a FROM AccountEntity a WHERE a.roles NOT LIKE '%CITIZEN%'"
                    + (scope == null ? "" : " AND a.district = :d") + " ORDER BY a.district, a.login", AccountEntity.class);
            return (scope == null ? query : query.setParameter("d", scope)).getResultList();
        });
        return rows.stream().map(a -> new Staff(a.login(), a.toAccount().displayName(), a.toAccount().roles(),
                a.toAccount().district(), a.enabled()))
                .filter(s -> role == null || s.roles().contains(role))
                .filter(s -> reaches(caller, new Account(s.username(), s.name(), s.district(), s.roles()))).toList();
    }

    /** A new staff account with a temporary password. */
    public Temporary create(Account caller, String username, String name, Set<Role> roles, String district) {
        String login = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(login).matches()) {
            throw AccountChecks.badInput("username", "account.username.invalid");
        }
        if (name == null || name.isBlank() || name.trim().codePointCount(0, name.trim().length()) > 100) {
            throw AccountChecks.badInput("name", "account.name.invalid");
        }
        if (roles == null || roles.isEmpty() || !AccountChecks.STAFF.containsAll(roles)) {
            throw AccountChecks.badInput("roles", "account.roles.invalid");
        }
        if (district == null || districts.find(district).isEmpty()) {
            throw AccountChecks.badInput("district", "account.district.invalid");
        }
        if (!caller.has(Role.ADMIN)) {
            ownDistrict(caller, district);
            if (!DISTRICT_GRANTS.containsAll(roles)) {
                throw new ShebaoException(Kind.FORBIDDEN, "role-forbidden", Messages.text("account.roles.forbidden"));
            }
        }
        String password = TemporaryPasswords.next();
        accounts.create(login, name.trim(), district, roles, accounts.newHash(login, password.toCharArray()), true);
        return new Temporary(login, password);
    }

    /** Enables or disables an account in the caller's reach (not the caller's own). */
    public Account setEnabled(Account caller, String username, boolean enabled) {
        if (caller.login().equals(username)) {
            throw new ShebaoException(Kind.CONFLICT, "own-account", Messages.text("account.own"));
        }
        return change(caller, username, a -> a.enable(enabled));
    }

    /** A new temporary password for an account in the caller's reach; its holder must change it at the next login. */
    public Reset resetPassword(Account caller, String username) {
        String password = TemporaryPasswords.next();
        String hash = accounts.newHash(username, password.toCharArray());
        return new Reset(change(caller, username, a -> a.temporary(hash)), password);
    }

    private Account change(Account caller, String username, Consumer<AccountEntity> change) {
        return jpa.txExpr(em -> {
            AccountEntity entity = reachable(em, caller, username);
            change.accept(entity);
            return entity.toAccount();
        });
    }

    private AccountEntity reachable(EntityManager em, Account caller, String username) {
        AccountEntity entity = username == null || username.length() > 64 ? null : em.find(AccountEntity.class, username);
        if (entity == null || entity.toAccount().has(Role.CITIZEN) || !reaches(caller, entity.toAccount())) {
            throw new ShebaoException(Kind.NOT_FOUND, "account-missing", Messages.text("account.missing", username));
        }
        return entity;
    }

    private static boolean reaches(Account caller, Account account) {
        return caller.has(Role.ADMIN)
                || account.district().equals(caller.district()) && DISTRICT_GRANTS.containsAll(account.roles());
    }

    /** A district administrator's district: the one asked for must be theirs (or none, meaning theirs). */
    private String ownDistrict(Account caller, String district) {
        if (district != null && !district.equals(caller.district())) {
            throw new ShebaoException(Kind.FORBIDDEN, "district-forbidden",
                    Messages.text("account.district.forbidden", districts.name(caller.district())));
        }
        return caller.district();
    }
}
