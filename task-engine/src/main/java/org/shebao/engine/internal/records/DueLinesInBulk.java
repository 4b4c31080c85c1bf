package org.shebao.engine.internal.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.RatesService;

/**
 * The amounts due of a month for every enrolment that pays it and has none, in set-based statements: one count and
 * one {@code INSERT … SELECT} per district, insurance type and tier (the rates are the same within one), each line
 * rated as {@link LedgerLineEntity#rate} rates it. Ids come in a block reserved for the count; should more rows
 * qualify meanwhile, the rest waits for the next run.
 */
final class DueLinesInBulk {

    /** Enrolments of the district, type and tier that pay the month. */
    private static final String PAYING = " FROM SB_ENROLMENT e JOIN SB_PERSON p ON p.IDNUMBER = e.IDNUMBER"
            + " WHERE p.DISTRICT = ? AND e.INSURANCETYPE = ? AND (e.TIERPERCENT = ? OR (? = -1 AND e.TIERPERCENT IS NULL))"
            + " AND e.PAYINGFROM <= ? AND (e.STATUS = 'PAYING' OR e.PAYINGUNTIL >= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM SB_LEDGER l WHERE l.IDNUMBER = e.IDNUMBER AND l.INSURANCETYPE = ?"
            + " AND l.CONTRIBUTIONMONTH = ? AND l.KIND = 'REGULAR')";
    private static final String INSERT = "INSERT INTO SB_LEDGER (ID, VERSION, IDNUMBER, INSURANCETYPE, CONTRIBUTIONMONTH,"
            + " DUEMONTH, BASE, AMOUNT, INTEREST, STATUS, ORIGIN, UPDATEDAT, KIND, TIERPERCENT, RATESYEAR, PROVISIONALFOR)"
            + " SELECT ? + ROW_NUMBER() OVER (), 1, e.IDNUMBER, ?, ?, ?, ?, ?, 0, 'DUE', 'LEDGER', ?, 'REGULAR', ?, ?, ?"
            + PAYING;

    private record Group(String district, String enrolmentType, Integer tier) {
    }

    private final DataSource data;
    private final RatesService rates;

    DueLinesInBulk(DataSource data, RatesService rates) {
        this.data = data;
        this.rates = rates;
    }

    /** Creates the month's missing amounts due; returns how many. */
    int create(YearMonth month, long now) throws SQLException {
        int created = 0;
        for (Group g : groups(month)) {
            InsuranceType enrolled = InsuranceType.ofCode(g.enrolmentType()).orElseThrow();
            for (InsuranceType type : enrolled == InsuranceType.MEDICAL
                    ? List.of(InsuranceType.MEDICAL, InsuranceType.MAJOR_ILLNESS) : List.of(enrolled)) {
                created += insert(g, type, month, now);
            }
        }
        return created;
    }

    private int insert(Group g, InsuranceType type, YearMonth month, long now) throws SQLException {
        LedgerLineEntity rated = new LedgerLineEntity("", type, month, LineStatus.DUE, now);
        rated.rate(rates.rates(g.district(), Year.of(month.getYear())), Year.of(month.getYear()), g.tier());
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + PAYING);
                    PreparedStatement insert = c.prepareStatement(INSERT)) {
                where(count, 1, g, type, month);
                int rows;
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    rows = r.getInt(1);
                }
                if (rows == 0) {
                    c.rollback();
                    return 0;
                }
                insert.setLong(1, Sequences.reserve(data, "LEDGER", rows) - 1);
                insert.setString(2, type.code());
                insert.setInt(3, Months.of(month));
                insert.setInt(4, Months.of(month));
                insert.setBigDecimal(5, rated.base);
                insert.setBigDecimal(6, rated.amount);
                insert.setLong(7, now);
                nullable(insert, 8, rated.tierPercent);
                insert.setInt(9, rated.ratesYear);
                nullable(insert, 10, rated.provisionalFor);
                where(insert, 11, g, type, month);
                int inserted = insert.executeUpdate();
                if (inserted > rows) {
                    throw new SQLException("more rows qualified than ids were reserved: " + inserted + " > " + rows);
                }
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void where(PreparedStatement s, int at, Group g, InsuranceType type, YearMonth month)
            throws SQLException {
        int tier = g.tier() == null ? -1 : g.tier();
        s.setString(at, g.district());
        s.setString(at + 1, g.enrolmentType());
        s.setInt(at + 2, tier);
        s.setInt(at + 3, tier);
        s.setInt(at + 4, Months.of(month));
        s.setInt(at + 5, Months.of(month));
        s.setString(at + 6, type.code());
        s.setInt(at + 7, Months.of(month));
    }

    private List<Group> groups(YearMonth month) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("SELECT DISTINCT p.DISTRICT,"
                + " e.INSURANCETYPE, e.TIERPERCENT FROM SB_ENROLMENT e JOIN SB_PERSON p ON p.IDNUMBER = e.IDNUMBER"
                + " WHERE e.PAYINGFROM <= ? AND (e.STATUS = 'PAYING' OR e.PAYINGUNTIL >= ?)")) {
            s.setInt(1, Months.of(month));
            s.setInt(2, Months.of(month));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int tier = r.getInt(3);
                    groups.add(new Group(r.getString(1), r.getString(2), r.wasNull() ? null : tier));
                }
            }
        }
        return groups;
    }

    private static void nullable(PreparedStatement s, int at, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(at, Types.INTEGER);
        } else {
            s.setInt(at, value);
        }
    }
}
