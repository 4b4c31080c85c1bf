package org.shebao.engine.internal.records;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.RatesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger job's work for everyone at once, in set-based statements rather than a loop over persons: the amounts
 * due of the last {@value #WINDOW} months ({@link DueLinesInBulk}), and amounts due unpaid after the last day of the
 * following month turned into arrears by one update. What does not fit a set is left to the per-person path and
 * named in {@link Outcome#oneByOne}: persons missing an amount due before those months (an enrolment imported
 * with holes, a job that did not run for a quarter) and persons whose slips have expired.
 */
@Component(service = LedgerRollOver.class)
public class LedgerRollOver {

    static final int WINDOW = 3;
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRollOver.class);

    /** What the set-based pass did, and the persons still to bring up to date one by one. */
    public record Outcome(int persons, int changed, Set<String> oneByOne) {
    }

    private final DataSource data;
    private final Clock clock;
    private final DueLinesInBulk due;

    @Activate
    public LedgerRollOver(@Reference(target = "(osgi.jndi.service.name=shebao)") DataSource data,
            @Reference RatesService rates, @Reference Clock clock) {
        this.data = data;
        this.clock = clock;
        this.due = new DueLinesInBulk(data, rates);
    }

    public Outcome run(LocalDate day) throws SQLException {
        YearMonth current = YearMonth.from(day);
        long now = clock.millis();
        long start = System.nanoTime();
        int changed = 0;
        for (YearMonth m = current.minusMonths(WINDOW - 1); !m.isAfter(current); m = m.plusMonths(1)) {
            changed += due.create(m, now);
        }
        long dueDone = System.nanoTime();
        changed += arrears(day, now);
        long arrearsDone = System.nanoTime();
        Set<String> oneByOne = new TreeSet<>();
        int windowStart = Months.of(current.minusMonths(WINDOW - 1));
        oneByOne.addAll(ids(holes(windowStart, "l.INSURANCETYPE = x.INSURANCETYPE", "")));
        oneByOne.addAll(ids(holes(windowStart, "l.INSURANCETYPE = '330'", " AND e.INSURANCETYPE = '310'")));
        oneByOne.addAll(ids("SELECT DISTINCT IDNUMBER FROM SB_SLIP WHERE STATUS = 'ISSUED' AND VALIDUNTIL < ?", day));
        LOG.info("Set-based roll-over to {}: amounts due {} ms, arrears {} ms, holes and expired slips {} ms", day,
                (dueDone - start) / 1_000_000, (arrearsDone - dueDone) / 1_000_000,
                (System.nanoTime() - arrearsDone) / 1_000_000);
        return new Outcome(count("SELECT COUNT(DISTINCT IDNUMBER) FROM SB_ENROLMENT"), changed, oneByOne);
    }

    private int arrears(LocalDate day, long now) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE SB_LEDGER"
                + " SET STATUS = 'ARREARS', VERSION = VERSION + 1, UPDATEDAT = ? WHERE STATUS = 'DUE' AND DUEMONTH <= ?")) {
            c.setAutoCommit(true);
            s.setLong(1, now);
            s.setInt(2, Months.of(LineStates.lastArrearsMonth(day)));
            return s.executeUpdate();
        }
    }

    /**
     * Enrolments with fewer lines of the type than paying months before the window: the month count of
     * {@code yyyymm} values is {@code year * 12 + month}; the last month is the window's eve for a paying enrolment,
     * else its paying-until month if earlier.
     */
    private static String holes(int windowStart, String lineType, String enrolments) {
        int eve = Months.of(Months.at(windowStart).minusMonths(1));
        return "SELECT DISTINCT x.IDNUMBER FROM (SELECT e.IDNUMBER, e.INSURANCETYPE, e.PAYINGFROM, CASE"
                + " WHEN e.STATUS = 'PAYING' THEN " + eve + " WHEN e.PAYINGUNTIL IS NULL THEN 0"
                + " WHEN e.PAYINGUNTIL < " + eve + " THEN e.PAYINGUNTIL ELSE " + eve + " END AS LASTMONTH"
                + " FROM SB_ENROLMENT e WHERE e.PAYINGFROM < " + windowStart + enrolments + ") x"
                + " WHERE (x.LASTMONTH / 100) * 12 + MOD(x.LASTMONTH, 100) - (x.PAYINGFROM / 100) * 12"
                + " - MOD(x.PAYINGFROM, 100) + 1 > (SELECT COUNT(*) FROM SB_LEDGER l WHERE l.IDNUMBER = x.IDNUMBER AND "
                + lineType + " AND l.KIND = 'REGULAR' AND l.CONTRIBUTIONMONTH BETWEEN x.PAYINGFROM AND x.LASTMONTH)";
    }

    private Set<String> ids(String sql, Object... parameters) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setDate(i + 1, Date.valueOf((LocalDate) parameters[i]));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
