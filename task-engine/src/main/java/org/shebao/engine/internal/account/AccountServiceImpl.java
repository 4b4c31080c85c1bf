package org.shebao.engine.internal.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.cluster.SecurityConfig;

/** Accounts in the engine's persistence unit, one transaction per call. */
@Component(service = {AccountService.class, AccountServiceImpl.class}, configurationPid = SecurityConfig.PID)
public class AccountServiceImpl implements AccountService {

    static final String UNIT = "(osgi.unit.name=shebao-engine)";
    private final AccountChecks checks = new AccountChecks();

    private final JpaTemplate jpa;
    private volatile int iterations;
    /** Checked when the login is unknown, so that both cases cost the same. */
    private volatile String dummy;

    @Activate
    public AccountServiceImpl(@Reference(target = UNIT) JpaTemplate jpa, SecurityConfig config) {
        this.jpa = jpa;
        modified(config);
    }

    @Modified
    void modified(SecurityConfig config) {
        if (config.passwordIterations() != iterations) {
            this.dummy = PasswordHasher.unmatchable(config.passwordIterations());
            this.iterations = config.passwordIterations();
        }
    }

    @Override
    public Account saveCitizen(String idNumber, String name, String district, char[] password) {
        return save(checks.citizenLogin(idNumber), name, district, Set.of(Role.CITIZEN), password);
    }

    @Override
    public Account saveStaff(String username, String name, String district, Role role, char[] password) {
        return save(checks.staffLogin(username), name, district, Set.of(role), password);
    }

    private Account save(String login, String name, String district, Set<Role> roles, char[] password) {
        checks.nameAndDistrict(name, district);
        String hash = newHash(login, password);
        return jpa.txExpr(em -> {
            AccountEntity entity = em.find(AccountEntity.class, login);
            if (entity == null) {
                entity = new AccountEntity(login);
                entity.update(name.trim(), district, roles, hash);
                em.persist(entity);
            } else {
                entity.update(name.trim(), district, roles, hash);
            }
            return entity.toAccount();
        });
    }

    @Override
    public List<Account> createMissing(List<Account> wanted, char[] password) {
        List<Account> checked = wanted.stream().map(a -> {
            String login = a.has(Role.CITIZEN) ? checks.citizenLogin(a.login()) : checks.staffLogin(a.login());
            checks.roles(a.roles());
            checks.nameAndDistrict(a.displayName(), a.district());
            checks.password(login, password);
            return new Account(login, a.displayName().trim(), a.district(), a.roles());
        }).toList();
        List<String> logins = checked.stream().map(Account::login).toList();
        Set<String> present = logins.isEmpty() ? Set.of() : Set.copyOf(jpa.txExpr(em -> em.createQuery(
                "SELECT a.login FROM AccountEntity a WHERE a.login IN :logins", String.class)
                .setParameter("logins", logins).getResultList()));
        List<Account> missing = checked.stream().filter(a -> !present.contains(a.login())).distinct().toList();
        if (missing.isEmpty()) {
            return List.of(); // a restart: no hash made
        }
        String hash = PasswordHasher.hash(password, iterations);
        return missing.stream().filter(a -> {
            try {
                return jpa.txExpr(em -> em.find(AccountEntity.class, a.login()) == null
                        && persistNew(em, a.login(), a.displayName(), a.district(), a.roles(), hash, false) != null);
            } catch (RuntimeException e) {
                if (find(a.login()).isPresent()) {
                    return false; // another node made it meanwhile
                }
                throw e;
            }
        }).toList();
    }

    /** A new account, with a hash from {@link #newHash}; 409 {@code account-exists} when the login is taken. */
    Account create(String login, String name, String district, Set<Role> roles, String hash, boolean temporary) {
        return jpa.txExpr(em -> {
            if (em.find(AccountEntity.class, login) != null) {
                throw new ShebaoException(Kind.CONFLICT, "account-exists", Messages.text("account.exists", login));
            }
            return persistNew(em, login, name, district, roles, hash, temporary);
        });
    }

    private static Account persistNew(EntityManager em, String login, String name, String district, Set<Role> roles,
            String hash, boolean temporary) {
        AccountEntity entity = new AccountEntity(login);
        entity.update(name, district, roles, hash);
        if (temporary) {
            entity.temporary(hash);
        }
        em.persist(entity);
        return entity.toAccount();
    }

    @Override
    public Optional<Account> find(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, login)).map(AccountEntity::toAccount));
    }

    @Override
    public List<Account> withRole(Role role) {
        return jpa.txExpr(em -> em.createQuery("SELECT a FROM AccountEntity a WHERE a.roles LIKE :r ORDER BY a.login",
                AccountEntity.class).setParameter("r", "%" + role.name() + "%").getResultList().stream()
                .map(AccountEntity::toAccount).filter(a -> a.has(role)).toList());
    }

    @Override
    public Optional<Account> authenticate(String login, char[] password) {
        Optional<AccountEntity> entity = login == null ? Optional.empty()
                : jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, login.trim().toUpperCase(java.util.Locale.ROOT)))
                        .or(() -> Optional.ofNullable(em.find(AccountEntity.class, login.trim()))));
        int work = iterations;
        boolean ok = PasswordHasher.matches(password, entity.map(AccountEntity::passwordHash).orElse(dummy))
                && entity.isPresent() && entity.get().enabled();
        if (ok && PasswordHasher.weakerThan(entity.get().passwordHash(), work)) {
            // hashed with an older, lower work factor: stored again at today's, now that the password is at hand
            String stronger = PasswordHasher.hash(password, work);
            jpa.tx(em -> em.find(AccountEntity.class, entity.get().login()).rehash(stronger));
        }
        return ok ? entity.map(AccountEntity::toAccount) : Optional.empty();
    }

    /**
     * The account's new password, when the current one is right and the new one keeps the rules; false (nothing
     * changed) when the current one is wrong.
     */
    public boolean changePassword(String login, char[] current, char[] password) {
        String hash = jpa.txExpr(em -> em.find(AccountEntity.class, login).passwordHash());
        if (current == null || !PasswordHasher.matches(current, hash)) {
            return false;
        }
        if (password != null && PasswordHasher.matches(password, hash)) {
            throw new ShebaoException(Kind.BAD_INPUT, "weak-password", Messages.text("account.password.same"),
                    List.of(new FieldError("password", Messages.text("account.password.same"))));
        }
        String chosen = newHash(login, password);
        jpa.tx(em -> em.find(AccountEntity.class, login).choose(chosen));
        return true;
    }

    /** Whether the account holds a temporary password that must be changed before anything else. */
    public boolean mustChangePassword(String login) {
        return jpa.txExpr(em -> {
            AccountEntity entity = em.find(AccountEntity.class, login);
            return entity != null && entity.mustChangePassword();
        });
    }

    /**
     * Remembers the language the person uses the console in: what is sent to them beyond it (an SMS) is in it. One
     * statement, changing nothing when it is the same.
     */
    public void useLanguage(String login, java.util.Locale locale) {
        String tag = locale.toLanguageTag();
        jpa.tx(em -> em.createQuery("UPDATE AccountEntity a SET a.language = :l WHERE a.login = :login"
                + " AND (a.language IS NULL OR a.language <> :l)").setParameter("l", tag).setParameter("login", login)
                .executeUpdate());
    }

    /** The hash of a new password, at today's work factor, once it keeps the rules; 400 otherwise. */
    String newHash(String login, char[] password) {
        checks.password(login, password);
        return PasswordHasher.hash(password, iterations);
    }
}
