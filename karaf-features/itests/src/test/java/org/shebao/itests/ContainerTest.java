package org.shebao.itests;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.shebao.api.account.AccountService;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.Person;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.ResidentId;

/** What the in-container tests share: the one container, the HTTP port, test citizens, the test business. */
public abstract class ContainerTest {

    @Inject
    protected AccountService accounts;

    @Inject
    protected Records records;

    @Inject
    protected RecordsImport imports;

    @Inject
    protected RatesService rates;

    @Inject
    protected ConfigurationAdmin configurations;

    @Inject
    protected SessionFactory shellSessions;

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

    /** Runs a Karaf shell command, as an operator would in {@code bin/client}; answers what it prints and returns. */
    protected String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, "UTF-8");
        Session session = shellSessions.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            print.flush();
            return out.toString("UTF-8") + (result == null ? "" : result);
        } finally {
            session.close();
        }
    }

    /** A new citizen of the district, logged in, with a record (no enrolment, no lines yet). */
    protected Http citizenWithRecord(String district) {
        Http http = citizen(district);
        imports.registerPerson(Person.of(new ResidentId(http.me()), "测试", district, Household.LOCAL, Contact.NONE));
        return http;
    }
}
