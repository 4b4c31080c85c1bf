package org.shebao.itests;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.shebao.api.account.AccountService;

/** What the in-container tests share: the one container, the HTTP port, test citizens, the test business. */
public abstract class ContainerTest {

    @Inject
    protected AccountService accounts;

    protected int port;

    @Configuration
    public Option[] config() {
        return ShebaoContainer.options();
    }

    @Before
    public void awaitTestBusiness() {
        port = Integer.getInteger(ShebaoContainer.HTTP_PORT);
        Http anonymous = new Http(port);
        Waits.until("the test business", 120, () -> anonymous.get("/api/health").body().contains("it-probe")
                && anonymous.get("/api/plugins/gap-payment/gaps").status() == 401
                && anonymous.get("/api/plugins/arrears-payment/slips").status() == 401
                && anonymous.get("/api/plugins/arrears-writeoff/arrears").status() == 401);
    }

    protected Http citizen(String district) {
        return Citizens.loggedIn(accounts, district, port);
    }
}
