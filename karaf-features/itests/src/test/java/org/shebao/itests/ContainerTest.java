package org.shebao.itests;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import org.shebao.api.records.Slips;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.InsuranceType;

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
    protected Slips slips;

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

    /** The person's lines in the statuses, of one type (or all), from a month (or all), as they stand on the day. */
    protected List<LedgerLine> lines(String id, Set<LineStatus> statuses, Optional<InsuranceType> type,
            Optional<YearMonth> from, LocalDate day) {
        return records.lines(id, LineQuery.all().statuses(statuses).type(type).from(from), day);
    }
}
