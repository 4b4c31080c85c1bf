package org.shebao.engine.internal.records;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.RecordsImport.PersonRecords;

/**
 * {@link org.shebao.api.records.RecordsImport#importAll}: persons, their enrolments and ledger lines written with
 * batched JDBC statements in one transaction, the rows exactly as the entities would be (ids reserved in blocks
 * from the same sequence table the entities draw from, version 1), and one {@code PERSON_CREATED} audit row per
 * person by the actor {@code import}. Persons already on record are skipped.
 */
@Component(service = BulkImport.class)
public class BulkImport {

    private static final String PERSON = "INSERT INTO SB_PERSON (IDNUMBER, VERSION, NAME, SEX, BIRTHDATE, DISTRICT,"
            + " HOUSEHOLD, MOBILE, ADDRESS, POSTALCODE, EMAIL, EMERGENCYNAME, EMERGENCYPHONE, PHOTOID, UPDATEDAT)"
            + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)";
    private static final String AUDIT = "INSERT INTO SB_RECORD_AUDIT (ID, IDNUMBER, OCCURREDAT, ACTOR, ACTION, DETAIL,"
            + " TASKID) VALUES (?, ?, ?, 'import', 'PERSON_CREATED', NULL, NULL)";
    private static final String ENROLMENT = "INSERT INTO SB_ENROLMENT (ID, VERSION, IDNUMBER, INSURANCETYPE, STATUS,"
            + " TIERPERCENT, STARTMONTH, PAYINGFROM, PAYINGUNTIL, TIERCHANGEDON) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE = "INSERT INTO SB_LEDGER (ID, VERSION, IDNUMBER, INSURANCETYPE, CONTRIBUTIONMONTH,"
            + " DUEMONTH, BASE, AMOUNT, INTEREST, STATUS, ORIGIN, PAYMENTREF, UPDATEDAT, KIND, TIERPERCENT, RATESYEAR,"
            + " PROVISIONALFOR) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 0, ?, 'LEDGER', ?, ?, 'REGULAR', ?, ?, ?)";

    private final DataSource data;
    private final Clock clock;

    @Activate
    public BulkImport(@Reference(target = "(osgi.jndi.service.name=shebao)") DataSource data, @Reference Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** Writes the persons not yet on record; returns the lines written. */
    public int importAll(List<PersonRecords> persons) {
        persons.forEach(p -> PersonStore.check(p.person()));
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                int lines = write(c, fresh(c, persons));
                c.commit();
                return lines;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk import failed: " + e.getMessage(), e);
        }
    }

    private int write(Connection c, List<PersonRecords> persons) throws SQLException {
        long now = clock.millis();
        int enrolments = persons.stream().mapToInt(p -> p.enrolments().size()).sum();
        int lines = persons.stream().mapToInt(p -> p.lines().size()).sum();
        long audit = Sequences.reserve(data, "RECORD_AUDIT", persons.size());
        long enrolment = Sequences.reserve(data, "ENROLMENT", enrolments);
        long line = Sequences.reserve(data, "LEDGER", lines);
        try (PreparedStatement person = c.prepareStatement(PERSON); PreparedStatement audits = c.prepareStatement(AUDIT);
                PreparedStatement enrol = c.prepareStatement(ENROLMENT); PreparedStatement ledger = c.prepareStatement(LINE)) {
            for (PersonRecords p : persons) {
                String id = p.person().id().value();
                addPerson(person, p, now);
                audits.setLong(1, audit++);
                audits.setString(2, id);
                audits.setLong(3, now);
                audits.addBatch();
                for (Enrolment e : p.enrolments()) {
                    addEnrolment(enrol, enrolment++, id, e);
                }
                for (ImportedLine l : p.lines()) {
                    addLine(ledger, line++, id, l, now);
                }
            }
            person.executeBatch();
            audits.executeBatch();
            enrol.executeBatch();
            ledger.executeBatch();
        }
        return lines;
    }

    private static void addPerson(PreparedStatement s, PersonRecords p, long now) throws SQLException {
        Contact contact = p.person().contact() == null ? Contact.NONE : p.person().contact();
        s.setString(1, p.person().id().value());
        s.setString(2, p.person().name().trim());
        s.setString(3, p.person().sex().name());
        s.setDate(4, Date.valueOf(p.person().birthDate()));
        s.setString(5, p.person().district());
        s.setString(6, p.person().household().name());
        s.setString(7, contact.mobile());
        s.setString(8, contact.address());
        s.setString(9, contact.postalCode());
        s.setString(10, contact.email());
        s.setString(11, contact.emergencyName());
        s.setString(12, contact.emergencyPhone());
        s.setLong(13, now);
        s.addBatch();
    }

    private static void addEnrolment(PreparedStatement s, long id, String person, Enrolment e) throws SQLException {
        s.setLong(1, id);
        s.setString(2, person);
        s.setString(3, e.type().enrolment().code());
        s.setString(4, e.status().name());
        setInt(s, 5, e.type() == InsuranceType.PENSION ? e.tierPercent() : null);
        s.setInt(6, Months.of(e.start()));
        s.setInt(7, Months.of(e.payingFrom()));
        setInt(s, 8, e.payingUntil() == null ? null : Months.of(e.payingUntil()));
        if (e.tierChangedOn() == null) {
            s.setNull(9, Types.DATE);
        } else {
            s.setDate(9, Date.valueOf(e.tierChangedOn()));
        }
        s.addBatch();
    }

    private static void addLine(PreparedStatement s, long id, String person, ImportedLine l, long now) throws SQLException {
        int month = Months.of(l.month());
        s.setLong(1, id);
        s.setString(2, person);
        s.setString(3, l.type().code());
        s.setInt(4, month);
        s.setInt(5, month);
        s.setBigDecimal(6, l.base().setScale(2));
        s.setBigDecimal(7, Rates.money(l.amount()));
        s.setString(8, l.status().name());
        s.setString(9, l.status() == LineStatus.PAID ? "import" : null);
        s.setLong(10, now);
        setInt(s, 11, l.type() == InsuranceType.PENSION ? l.tierPercent() : null);
        s.setInt(12, l.ratesYear());
        setInt(s, 13, l.ratesYear() < l.month().getYear() ? l.month().getYear() : null);
        s.addBatch();
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /** The persons not on record yet, each once. */
    private static List<PersonRecords> fresh(Connection c, List<PersonRecords> persons) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM SB_PERSON WHERE IDNUMBER = ?")) {
            for (PersonRecords p : persons) {
                s.setString(1, p.person().id().value());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        present.add(p.person().id().value());
                    }
                }
            }
        }
        List<PersonRecords> fresh = new ArrayList<>();
        for (PersonRecords p : persons) {
            if (present.add(p.person().id().value())) {
                fresh.add(p);
            }
        }
        return fresh;
    }
}
