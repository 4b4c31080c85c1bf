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
 * The amounts due of a month for every enrolment that pays it and has none, in two set-based statements per
 * insurance type: one counts the missing lines by district and tier (the rates are the same within one), one
 * inserts them all, each rated as {@link LedgerLineEntity#rate} rates a line, the rated amounts joined in as a
 * {@code VALUES} table. Ids come in a block reserved for the count; should more rows qualify meanwhile (another
 * node's write), the insert is undone and the job takes the per-person path.
 */
final class DueLinesInBulk {

    /** Enrolments of the type that pay the month and have no amount due of the line type for it. */
    private static final String FROM = " FROM SB_ENROLMENT e JOIN SB_PERSON p ON p.IDNUMBER = e.IDNUMBER";
    private static final String MISSING = " WHERE e.INSURANCETYPE = ? AND e.PAYINGFROM <= ?"
            + " AND (e.STATUS = 'PAYING' OR e.PAYINGUNTIL >= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM SB_LEDGER l WHERE l.IDNUMBER = e.IDNUMBER AND l.INSURANCETYPE = ?"
            + " AND l.CONTRIBUTIONMONTH = ? AND l.KIND = 'REGULAR')";
    private static final String ROW = "(CAST(? AS VARCHAR(6)), CAST(? AS INT), CAST(? AS INT), CAST(? AS DECIMAL(12,2)),"
            + " CAST(? AS DECIMAL(12,2)), CAST(? AS INT), CAST(? AS INT))";

    /** The rated line of a district and tier ({@code -1}: none). */
    private record Rated(String district, int tierKey, LedgerLineEntity line) {
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
        for (InsuranceType type : InsuranceType.values()) {
            created += create(type, month, now);
        }
        return created;
    }

    private int create(InsuranceType type, YearMonth month, long now) throws SQLException {
        Year year = Year.of(month.getYear());
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Rated> rated = new ArrayList<>();
                int rows = 0;
                try (PreparedStatement count = c.prepareStatement("SELECT p.DISTRICT, e.TIERPERCENT, COUNT(*)" + FROM
                        + MISSING + " GROUP BY p.DISTRICT, e.TIERPERCENT")) {
                    where(count, 1, type, month);
                    try (ResultSet r = count.executeQuery()) {
                        while (r.next()) {
                            int tier = r.getInt(2);
                            Integer tierPercent = r.wasNull() ? null : tier;
                            LedgerLineEntity line = new LedgerLineEntity("", type, month, LineStatus.DUE, now);
                            line.rate(rates.rates(r.getString(1), year), year, tierPercent);
                            rated.add(new Rated(r.getString(1), tierPercent == null ? -1 : tierPercent, line));
                            rows += r.getInt(3);
                        }
                    }
                }
                int inserted = rows == 0 ? 0 : insert(c, type, month, now, rated, rows);
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int insert(Connection c, InsuranceType type, YearMonth month, long now, List<Rated> rated, int rows)
            throws SQLException {
        String sql = "INSERT INTO SB_LEDGER (ID, VERSION, IDNUMBER, INSURANCETYPE, CONTRIBUTIONMONTH, DUEMONTH, BASE,"
                + " AMOUNT, INTEREST, STATUS, ORIGIN, UPDATEDAT, KIND, TIERPERCENT, RATESYEAR, PROVISIONALFOR)"
                + " SELECT ? + ROW_NUMBER() OVER (), 1, e.IDNUMBER, ?, ?, ?, r.BASE, r.AMOUNT, 0, 'DUE', 'LEDGER', ?,"
                + " 'REGULAR', r.TIERPERCENT, r.RATESYEAR, r.PROVISIONALFOR" + FROM + " JOIN (VALUES "
                + String.join(", ", java.util.Collections.nCopies(rated.size(), ROW)) + ") AS r (DISTRICT, TIERKEY,"
                + " TIERPERCENT, BASE, AMOUNT, RATESYEAR, PROVISIONALFOR) ON r.DISTRICT = p.DISTRICT"
                + " AND r.TIERKEY = COALESCE(e.TIERPERCENT, -1)" + MISSING;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, Sequences.reserve(data, "LEDGER", rows) - 1);
            insert.setString(2, type.code());
            insert.setInt(3, Months.of(month));
            insert.setInt(4, Months.of(month));
            insert.setLong(5, now);
            int at = 6;
            for (Rated r : rated) {
                insert.setString(at++, r.district());
                insert.setInt(at++, r.tierKey());
                nullable(insert, at++, r.line().tierPercent);
                insert.setBigDecimal(at++, r.line().base);
                insert.setBigDecimal(at++, r.line().amount);
                insert.setInt(at++, r.line().ratesYear);
                nullable(insert, at++, r.line().provisionalFor);
            }
            where(insert, at, type, month);
            int inserted = insert.executeUpdate();
            if (inserted > rows) {
                throw new SQLException("more rows qualified than ids were reserved: " + inserted + " > " + rows);
            }
            return inserted;
        }
    }

    private static void where(PreparedStatement s, int at, InsuranceType type, YearMonth month) throws SQLException {
        s.setString(at, type.enrolment().code());
        s.setInt(at + 1, Months.of(month));
        s.setInt(at + 2, Months.of(month));
        s.setString(at + 3, type.code());
        s.setInt(at + 4, Months.of(month));
    }

    private static void nullable(PreparedStatement s, int at, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(at, Types.INTEGER);
        } else {
            s.setInt(at, value);
        }
    }
}
