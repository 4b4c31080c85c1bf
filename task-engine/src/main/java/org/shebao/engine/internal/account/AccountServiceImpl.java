package org.shebao.engine.internal.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.account.Role;
import org.shebao.api.records.ResidentId;
import org.shebao.engine.internal.Messages;

/** Accounts in the engine's persistence unit, one transaction per call. */
@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {

    static final String UNIT = "(osgi.unit.name=shebao-engine)";
    private static final int MIN_PASSWORD = 8;

    private final JpaTemplate jpa;

    @Activate
    public AccountServiceImpl(@Reference(target = UNIT) JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Account saveCitizen(String idNumber, String name, String district, char[] password) {
        ResidentId id = ResidentId.parse(idNumber).orElseThrow(() -> badInput("idNumber", "account.idNumber.invalid"));
        return save(id.value(), name, district, Set.of(Role.CITIZEN), password);
    }

    @Override
    public Account saveStaff(String username, String name, String district, Role role, char[] password) {
        if (username == null || username.isBlank()) {
            throw badInput("username", "account.field.required");
        }
        return save(username.trim(), name, district, Set.of(role), password);
    }

    private Account save(String login, String name, String district, Set<Role> roles, char[] password) {
        if (name == null || name.isBlank()) {
            throw badInput("name", "account.field.required");
        }
        if (district == null || !district.matches("\\d{6}")) {
            throw badInput("district", "account.field.required");
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw badInput("password", "account.password.weak");
        }
        String hash = PasswordHasher.hash(password);
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
        boolean ok = PasswordHasher.matches(password, entity.map(AccountEntity::passwordHash).orElse(null));
        return ok ? entity.map(AccountEntity::toAccount) : Optional.empty();
    }

    private static ShebaoException badInput(String field, String key) {
        return new ShebaoException(Kind.BAD_INPUT, "invalid-account", Messages.text(key),
                List.of(new FieldError(field, Messages.text(key))));
    }
}
