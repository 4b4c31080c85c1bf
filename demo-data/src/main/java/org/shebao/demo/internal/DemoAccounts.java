package org.shebao.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo citizens and staff of DEMO.md. Created once when missing; an account that exists is
 * left as it is (a changed password stays changed).
 */
@Component(immediate = true)
public class DemoAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
    static final String PASSWORD = "Shebao#2026";

    record Citizen(String idNumber, String name, String district) {
    }

    record Staff(String username, String name, String district, Role role) {
    }

    static final List<Citizen> CITIZENS = List.of(
            new Citizen("420102199003150117", "张伟", "420102"),
            new Citizen("420106198507220220", "李娜", "420106"),
            new Citizen("420111197811020334", "王强", "420111"),
            new Citizen("420103198205300445", "刘芳", "420103"),
            new Citizen("420104197509090557", "陈杰", "420104"),
            new Citizen("420105197012010669", "赵敏", "420105"));

    static final List<Staff> STAFF = List.of(
            new Staff("admin", "平台管理员", "420100", Role.ADMIN),
            new Staff("jiangan-admin", "江岸区管理员", "420102", Role.DISTRICT_ADMIN),
            new Staff("jiangan-reviewer", "江岸区经办人", "420102", Role.REVIEWER),
            new Staff("hongshan-reviewer", "洪山区经办人", "420111", Role.REVIEWER),
            new Staff("wuchang-reviewer", "武昌区经办人", "420106", Role.REVIEWER),
            new Staff("jianghan-reviewer", "江汉区经办人", "420103", Role.REVIEWER),
            new Staff("qiaokou-reviewer", "硚口区经办人", "420104", Role.REVIEWER),
            new Staff("hanyang-reviewer", "汉阳区经办人", "420105", Role.REVIEWER),
            new Staff("qingshan-reviewer", "青山区经办人", "420107", Role.REVIEWER),
            // the collecting channel that reports payments of slips (POST /api/payments)
            new Staff("post-office", "中国邮政（代收）", "420100", Role.PAYMENT_CHANNEL));

    /**
     * Creates the missing accounts. They all have DEMO.md's public password, so they are given one hash of it
     * (PBKDF2 at the platform's work factor: about a quarter of a second of CPU) rather than one each: the platform's
     * first start waits for this.
     */
    @Activate
    public DemoAccounts(@Reference AccountService accounts) {
        List<Account> wanted = new ArrayList<>();
        CITIZENS.forEach(c -> wanted.add(new Account(c.idNumber(), c.name(), c.district(), Set.of(Role.CITIZEN))));
        STAFF.forEach(s -> wanted.add(new Account(s.username(), s.name(), s.district(), Set.of(s.role()))));
        int created = accounts.createMissing(wanted, PASSWORD.toCharArray()).size();
        LOG.info("Demo accounts: {} created, {} present", created, wanted.size() - created);
    }
}
