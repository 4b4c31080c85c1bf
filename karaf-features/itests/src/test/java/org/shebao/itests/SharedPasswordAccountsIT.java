package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.shebao.api.ShebaoException;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;

/**
 * Accounts whose password is public (the demo's) made with one hash of it: each checked as one by one, none created
 * while any is refused, those that exist left as they are.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SharedPasswordAccountsIT extends ContainerTest {

    private static final char[] SHARED = "青山区演示密码2026".toCharArray();

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource database;

    @Test
    public void accountsWithAPublicPasswordShareOneHashAndThoseThatExistStay() {
        String n = String.valueOf(System.nanoTime() % 100_000);
        // an ID number ending in X, given in lower case and with spaces, as a form might
        String citizen = IntStream.range(800, 1000).mapToObj(i -> Citizens.idNumber("420107", i))
                .filter(id -> id.endsWith("X") && accounts.find(id).isEmpty()).findFirst().orElseThrow();
        accounts.saveStaff("kept-" + n, "留用" + n, "420107", Role.REVIEWER, Citizens.PASSWORD.toCharArray());
        Account staff = new Account("shared-" + n, "演示" + n, "420107", Set.of(Role.REVIEWER, Role.DISTRICT_ADMIN));
        Account her = new Account(" " + citizen.toLowerCase() + " ", "演示居民" + n, "420107", Set.of(Role.CITIZEN));
        Account kept = new Account("kept-" + n, "另一个名字", "420101", Set.of(Role.ADMIN));

        refused(List.of(staff, new Account(citizen.substring(0, 17) + "1", "错号", "420107", Set.of(Role.CITIZEN))),
                SHARED, "idNumber");
        refused(List.of(staff, new Account(" ", "无名", "420107", Set.of(Role.REVIEWER))), SHARED, "username");
        refused(List.of(staff, new Account("x-" + n, "演示", "4201", Set.of(Role.REVIEWER))), SHARED, "district");
        refused(List.of(staff, new Account("x-" + n, " ", "420107", Set.of(Role.REVIEWER))), SHARED, "name");
        refused(List.of(staff, new Account("x-" + n, "演示", "420107", Set.of())), SHARED, "roles");
        refused(List.of(staff, new Account(citizen, "演示", "420107", Set.of(Role.CITIZEN, Role.REVIEWER))), SHARED,
                "roles");
        refused(List.of(staff), "qwertyuiop".toCharArray(), "password");
        assertTrue("nothing created while any account is refused",
                accounts.find("shared-" + n).isEmpty() && accounts.find(citizen).isEmpty());

        List<Account> created = accounts.createMissing(List.of(staff, her, kept), SHARED);
        assertEquals(List.of("shared-" + n, citizen), created.stream().map(Account::login).toList());
        assertTrue(accounts.authenticate("shared-" + n, SHARED).orElseThrow().has(Role.DISTRICT_ADMIN));
        assertEquals(Set.of(Role.CITIZEN), accounts.authenticate(citizen, SHARED).orElseThrow().roles());
        assertEquals("left as it was", "留用" + n, accounts.authenticate("kept-" + n, Citizens.PASSWORD.toCharArray())
                .orElseThrow().displayName());
        assertTrue(accounts.authenticate("kept-" + n, SHARED).isEmpty());
        assertEquals("one hash for the accounts created", 1, Sql.count(database,
                "SELECT COUNT(DISTINCT PASSWORDHASH) FROM SB_ACCOUNT WHERE LOGIN IN (?, ?)", "shared-" + n, citizen));
        assertEquals(0, Sql.count(database, "SELECT COUNT(*) FROM SB_ACCOUNT A JOIN SB_ACCOUNT K"
                + " ON A.PASSWORDHASH = K.PASSWORDHASH WHERE A.LOGIN = ? AND K.LOGIN = ?", citizen, "kept-" + n));
        assertEquals("created once", List.of(), accounts.createMissing(List.of(staff, her), SHARED));
        assertEquals(List.of(), accounts.createMissing(List.of(), SHARED));
    }

    private void refused(List<Account> wanted, char[] password, String field) {
        ShebaoException e = assertThrows(ShebaoException.class, () -> accounts.createMissing(wanted, password));
        assertEquals(ShebaoException.Kind.BAD_INPUT, e.kind());
        assertEquals(field, e.errors().get(0).field());
    }
}
