package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.Slip;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Provisional rates and re-rating (DOMAIN-RULES.md): in January with no row for the year nothing refuses to work
 * and every figure says it is provisional; when the year's row arrives, each provisional line is re-rated by its
 * status (owed: the new amount; on a slip: the slip's until it leaves it; paid: a 补差 line, or a credit), audited,
 * and adding the same row again changes nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProvisionalRatesIT extends ContainerTest {

    private static final String LI_NA = "420106198507220220";
    private static final Set<LineStatus> ALL = EnumSet.allOf(LineStatus.class);


    @Inject
    Clock clock;





    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource dataSource;

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    @Test
    public void inJanuaryWithNoRowEveryBusinessWorksAndEveryFigureSaysItIsProvisional() {
        assertFalse(rates.find(Rates.CITY, Year.of(2027)).isPresent());
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, LocalDate.of(2027, 1, 5))) {
            // 缴费档次变更 takes effect in February: 2027 has no row, 2026's stands in
            Http liNa = BusinessPluginsIT.demo(port, LI_NA);
            assertEquals(200, liNa.get("/api/business-types/tier-change/form").status());
            JsonNode assessed = liNa.post("/api/business-types/tier-change/assessment", Map.of("data", Map.of("tier", "100"))).json();
            assertEquals(assessed.toString(), "1359.00", assessed.path("newMonthly").asText());
            assertTrue(assessed.path("provisional").asBoolean());
            assertEquals(2026, assessed.path("ratesYear").asInt());
            // 增员 from this month
            Http newcomer = citizen("420102");
            JsonNode enrol = newcomer.post("/api/business-types/enrol/assessment", Map.of("data", Map.of("types",
                    List.of("110", "310"), "tier", "60", "startMonth", "2027-01"))).json();
            assertEquals("1230.10", enrol.path("monthlyTotal").asText());
            assertTrue(enrol.path("provisional").asBoolean());
            JsonNode enrolled = BusinessPluginsIT.submit(newcomer, "enrol", Map.of("types", List.of("110", "310"), "tier", "60",
                    "startMonth", "2027-01", "household", "LOCAL", "mobile", "13800000001", "address", "武汉市江岸区"));
            assertEquals(enrolled.toString(), "APPROVED", enrolled.path("state").asText());
            assertTrue(enrolled.path("assessment").path("provisional").asBoolean());
            // the ledger's January lines are computed with 2026's row and say so
            LedgerLine january = lines(newcomer.me(), Set.of(LineStatus.DUE), Optional.of(InsuranceType.PENSION),
                    Optional.of(YearMonth.of(2027, 1)), LocalDate.of(2027, 1, 5)).get(0);
            assertEquals(money("815.40"), january.amount());
            assertTrue(january.provisional());
            assertEquals(2026, january.ratesYear());
            assertEquals(LineKind.REGULAR, january.kind());
            LedgerLine.Row row = january.row(java.util.Locale.SIMPLIFIED_CHINESE);
            assertTrue(row.provisional());
            assertEquals(2026, row.ratesYear());
            assertEquals("REGULAR", row.kind());
        }
    }

    /** A citizen whose 2027 lines were computed with 2026's row, in every status. */
    private String citizenWithProvisionalLines() {
        Http http = citizenWithRecord("420113");
        String id = http.me();
        imports.importEnrolment(id, new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 60, YearMonth.of(2026, 12),
                YearMonth.of(2026, 12), null, null));
        Rates r2026 = rates.rates("420113", Year.of(2026));
        imports.importLines(id, List.of(
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 12), r2026.pensionBase(60), r2026.pensionMonthly(60), LineStatus.PAID, 60, 2026),
                line(r2026, InsuranceType.PENSION, 1, LineStatus.PAID),
                line(r2026, InsuranceType.MEDICAL, 1, LineStatus.PAID),
                line(r2026, InsuranceType.MAJOR_ILLNESS, 1, LineStatus.PAID),
                line(r2026, InsuranceType.PENSION, 2, LineStatus.ARREARS),
                line(r2026, InsuranceType.MEDICAL, 2, LineStatus.PAYABLE),
                line(r2026, InsuranceType.MAJOR_ILLNESS, 2, LineStatus.PAYABLE),
                line(r2026, InsuranceType.PENSION, 3, LineStatus.DUE)));
        return id;
    }

    private static ImportedLine line(Rates r, InsuranceType type, int month, LineStatus status) {
        Integer tier = type == InsuranceType.PENSION ? 60 : null;
        return new ImportedLine(type, YearMonth.of(2027, month), r.base(type, tier), r.monthly(type, tier), status, tier, 2026);
    }

    private LedgerLine line(String id, InsuranceType type, int month, LineKind kind, LocalDate day) {
        return lines(id, ALL, Optional.of(type), Optional.of(YearMonth.of(2027, month)), day).stream()
                .filter(l -> l.type() == type && l.month().equals(YearMonth.of(2027, month)) && l.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " line " + type + " 2027-" + month));
    }

    private int audits(String id, String action) {
        return Sql.count(dataSource, "SELECT COUNT(*) FROM SB_RECORD_AUDIT WHERE IDNUMBER = ? AND ACTION = ?", id, action);
    }

    private int lineCount(String id) {
        return lines(id, ALL, Optional.empty(), Optional.empty(), LocalDate.of(2027, 3, 10)).size();
    }


    private static Hashtable<String, Object> row2027() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("district", Rates.CITY);
        props.put("year", "2027");
        props.put("pension.averageWage", "7000");
        props.put("pension.creditingRate", "0.0262");
        props.put("medical.base", "7000");
        props.put("medical.majorIllness", "6.00");
        return props;
    }

    @Test
    public void whenTheYearsRowArrivesEachProvisionalLineIsReratedOnceByItsStatus() throws Exception {
        LocalDate day = LocalDate.of(2027, 3, 10);
        Configuration row = null;
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, day)) {
            String id = citizenWithProvisionalLines();
            // a slip for the February 330 line: on the slip it keeps the slip's amount
            long onSlip = line(id, InsuranceType.MAJOR_ILLNESS, 2, LineKind.REGULAR, day).id();
            Slip slip = slips.issue(id, List.of(onSlip), day);
            assertTrue(slip.lines().get(0).provisional());
            int before = lineCount(id);

            row = configurations.createFactoryConfiguration("org.shebao.rates", "?");
            row.update(row2027());
            Waits.until("the March line re-rated", 30, () -> !line(id, InsuranceType.PENSION, 3, LineKind.REGULAR, day).provisional());

            // owed: DUE, ARREARS, PAYABLE get the year's amount
            LedgerLine due = line(id, InsuranceType.PENSION, 3, LineKind.REGULAR, day);
            assertEquals(money("840.00"), due.amount());
            assertEquals(2027, due.ratesYear());
            assertEquals(LineStatus.DUE, due.status());
            assertEquals(money("840.00"), line(id, InsuranceType.PENSION, 2, LineKind.REGULAR, day).amount());
            assertEquals(LineStatus.ARREARS, line(id, InsuranceType.PENSION, 2, LineKind.REGULAR, day).status());
            LedgerLine payable = line(id, InsuranceType.MEDICAL, 2, LineKind.REGULAR, day);
            assertEquals(money("420.00"), payable.amount());
            assertEquals(LineStatus.PAYABLE, payable.status());
            assertFalse(payable.provisional());
            // on a slip: the slip's amount, still provisional until it leaves the slip
            LedgerLine kept = line(id, InsuranceType.MAJOR_ILLNESS, 2, LineKind.REGULAR, day);
            assertEquals(LineStatus.ON_SLIP, kept.status());
            assertEquals(money("7.00"), kept.amount());
            assertTrue(kept.provisional());
            assertEquals(money("7.00"), slips.slip(slip.voucherNo()).orElseThrow().total());
            // paid: the paid line stays, a 补差 line owes the difference from this month, an overpayment is a credit
            LedgerLine paid = line(id, InsuranceType.PENSION, 1, LineKind.REGULAR, day);
            assertEquals(money("815.40"), paid.amount());
            assertEquals(LineStatus.PAID, paid.status());
            assertFalse(paid.provisional());
            LedgerLine difference = line(id, InsuranceType.PENSION, 1, LineKind.DIFFERENCE, day);
            assertEquals(money("24.60"), difference.amount());
            assertEquals(LineStatus.DUE, difference.status());
            assertEquals(2027, difference.ratesYear());
            assertEquals(money("12.30"), line(id, InsuranceType.MEDICAL, 1, LineKind.DIFFERENCE, day).amount());
            LedgerLine credit = line(id, InsuranceType.MAJOR_ILLNESS, 1, LineKind.CREDIT, day);
            assertEquals(money("-1.00"), credit.amount());
            assertEquals("溢缴", credit.kind().label().in(java.util.Locale.SIMPLIFIED_CHINESE));
            // a difference becomes arrears only after the last day of the month after the row was published (April)
            assertEquals(LineStatus.DUE, line(id, InsuranceType.PENSION, 1, LineKind.DIFFERENCE, LocalDate.of(2027, 4, 30)).status());
            assertEquals(LineStatus.ARREARS, line(id, InsuranceType.PENSION, 1, LineKind.DIFFERENCE, LocalDate.of(2027, 5, 1)).status());
            // the year before is not touched
            assertEquals(money("815.40"), lines(id, Set.of(LineStatus.PAID), Optional.of(InsuranceType.PENSION),
                    Optional.of(YearMonth.of(2026, 12)), day).get(0).amount());
            assertEquals(before + 3, lineCount(id));
            assertEquals(1, audits(id, "RERATE"));

            // the same row again: nothing changes
            row.update(row2027());
            Thread.sleep(3000);
            assertTrue(shell("shebao:ledger-run"), shell("shebao:ledger-run").contains("0 failed"));
            assertEquals(before + 3, lineCount(id));
            assertEquals(1, audits(id, "RERATE"));
            assertEquals(money("24.60"), line(id, InsuranceType.PENSION, 1, LineKind.DIFFERENCE, day).amount());

            // the slip cancelled: its line is owed again, and the next run gives it the year's amount
            slips.cancel(slip.voucherNo(), "test", day);
            shell("shebao:ledger-run");
            LedgerLine freed = line(id, InsuranceType.MAJOR_ILLNESS, 2, LineKind.REGULAR, day);
            assertEquals(LineStatus.PAYABLE, freed.status());
            assertEquals(money("6.00"), freed.amount());
            assertFalse(freed.provisional());
            assertEquals(2, audits(id, "RERATE"));
        } finally {
            if (row != null) {
                row.delete();
            }
        }
        Waits.until("the 2027 row gone", 10, () -> rates.find(Rates.CITY, Year.of(2027)).isEmpty());
    }
}
