package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.RecordsImport.ImportedLine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Figures at the calendar's edges, as their users meet them: a slip issued on the 1st, on the last day of a month
 * and on 31 December, downloaded and read back cell by cell as a spreadsheet shows it (POI's DataFormatter, in a
 * JVM whose default zone is not the bureau's), row by row against the ledger; a slip valid 30 days counting the day
 * of issue; and at 00:00:05 on the 1st, the new arrears month and the expired slip already shown, before any job.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SlipMomentsIT extends ContainerTest {

    private static final String SLIPS = "/api/plugins/arrears-payment/slips";





    @Inject
    Clock clock;

    /** A citizen of 洪山区 with the months given as lines of the status, 110 at 100% and 310 with 330. */
    private Http citizenWith(LineStatus status, YearMonth... months) {
        Http http = citizenWithRecord("420111");
        String id = http.me();
        imports.importEnrolment(id, new Enrolment(InsuranceType.PENSION, EnrolmentStatus.SUSPENDED, 100, months[0],
                months[0], months[months.length - 1], null));
        List<ImportedLine> lines = new ArrayList<>();
        for (YearMonth m : months) {
            Rates r = rates.rates("420111", Year.of(m.getYear()));
            for (InsuranceType type : InsuranceType.values()) {
                Integer tier = type == InsuranceType.PENSION ? 100 : null;
                lines.add(new ImportedLine(type, m, r.base(type, tier), r.monthly(type, tier), status, tier, m.getYear()));
            }
        }
        imports.importLines(id, lines);
        return http;
    }

    /** Logs in again: moving the clock by days ends the sessions that were idle that long. */
    private static Http again(Http http, String id) {
        http.login(id, Citizens.PASSWORD);
        return http;
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private void slipReadBackAsTheLedgerSaysIt(LocalDate issueDay, YearMonth... months) throws Exception {
        Http http = citizenWith(LineStatus.PAYABLE, months);
        String id = http.me();
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, issueDay)) {
            again(http, id);
            Http.Answer issued = http.post(SLIPS, Map.of("lines", ids(http.get("/api/plugins/arrears-payment/payable").json().path("items"))));
            assertEquals(issued.body(), 201, issued.status());
            String voucher = issued.json().path("voucherNo").asText();
            LocalDate validUntil = issueDay.plusDays(29);
            assertEquals(validUntil.toString(), issued.json().path("validUntil").asText());

            List<LedgerLine> onSlip = lines(id, Set.of(LineStatus.ON_SLIP), Optional.empty(), Optional.empty(), issueDay);
            assertEquals(months.length * 3, onSlip.size());
            DataFormatter shown = new DataFormatter(Locale.ROOT);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(http.bytes(SLIPS + "/" + voucher + ".xlsx")))) {
                Sheet sheet = book.getSheetAt(0);
                assertEquals(issueDay.toString(), shown.formatCellValue(sheet.getRow(3).getCell(5)));
                assertEquals(validUntil.toString(), shown.formatCellValue(sheet.getRow(4).getCell(1)));
                for (int i = 0; i < onSlip.size(); i++) {
                    LedgerLine line = onSlip.get(i);
                    Row row = sheet.getRow(6 + i);
                    String where = "slip of " + issueDay + ", row " + (i + 1);
                    assertEquals(where, line.month().toString(), shown.formatCellValue(row.getCell(2)));
                    assertEquals(where, line.type().code() + " " + line.type().label().in(Locale.SIMPLIFIED_CHINESE),
                            shown.formatCellValue(row.getCell(1)));
                    assertEquals(where, String.format("%,.2f", line.amount()), shown.formatCellValue(row.getCell(4)));
                    assertEquals(where, String.format("%,.2f", line.total()), shown.formatCellValue(row.getCell(7)));
                    assertEquals(voucher, line.voucherNo());
                }
                assertEquals("合计", shown.formatCellValue(sheet.getRow(6 + onSlip.size()).getCell(0)));
            }
        }
    }

    @Test
    public void aSlipIssuedOnTheFirstShowsTheLedgersMonths() throws Exception {
        slipReadBackAsTheLedgerSaysIt(LocalDate.of(2026, 12, 1), YearMonth.of(2026, 6), YearMonth.of(2026, 7));
    }

    @Test
    public void aSlipIssuedOnTheLastDayOfAMonthShowsTheLedgersMonths() throws Exception {
        slipReadBackAsTheLedgerSaysIt(LocalDate.of(2026, 11, 30), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    }

    @Test
    public void aSlipIssuedOnTheThirtyFirstOfDecemberShowsTheLedgersMonths() throws Exception {
        slipReadBackAsTheLedgerSaysIt(LocalDate.of(2026, 12, 31), YearMonth.of(2025, 12), YearMonth.of(2026, 1));
    }

    @Test
    public void atFiveSecondsPastMidnightOnTheFirstTheNewArrearsMonthAndTheExpiredSlipAreShown() {
        // stored DUE for 2026-10 (arrears after 2026-11-30); a slip issued on 12-02 for a PAYABLE month
        Http due = citizenWith(LineStatus.DUE, YearMonth.of(2026, 10));
        Http payer = citizenWith(LineStatus.PAYABLE, YearMonth.of(2026, 3));
        String dueId = due.me();
        String payerId = payer.me();
        String voucher;
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, LocalDateTime.of(2026, 11, 30, 23, 59, 30))) {
            again(due, dueId);
            assertEquals(0, due.get("/api/plugins/arrears-payment/arrears").json().path("count").asInt());
        }
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, LocalDateTime.of(2026, 12, 1, 0, 0, 5))) {
            again(due, dueId);
            JsonNode arrears = due.get("/api/plugins/arrears-payment/arrears").json();
            assertEquals(arrears.toString(), 3, arrears.path("count").asInt());
            assertEquals("2026-10", arrears.path("items").get(0).path("month").asText());
            assertEquals("ARREARS", arrears.path("items").get(0).path("status").asText());
        }
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, LocalDate.of(2026, 12, 2))) {
            again(payer, payerId);
            Http.Answer issued = payer.post(SLIPS, Map.of("lines", ids(payer.get("/api/plugins/arrears-payment/payable").json().path("items"))));
            assertEquals(issued.body(), 201, issued.status());
            voucher = issued.json().path("voucherNo").asText();
            // valid 30 days counting the day of issue: through 12-31
            assertEquals("2026-12-31", issued.json().path("validUntil").asText());
        }
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, LocalDateTime.of(2026, 12, 31, 23, 59, 30))) {
            again(payer, payerId);
            assertEquals("ISSUED", payer.get(SLIPS + "/" + voucher).json().path("status").asText());
            assertEquals(0, payer.get("/api/plugins/arrears-payment/payable").json().path("count").asInt());
        }
        try (PinnedClock pinned = PinnedClock.at(configurations, clock, LocalDateTime.of(2027, 1, 1, 0, 0, 5))) {
            again(payer, payerId);
            JsonNode slip = payer.get(SLIPS + "/" + voucher).json();
            assertEquals("EXPIRED", slip.path("status").asText());
            assertEquals("已过期", slip.path("statusName").asText());
            // its lines are payable again, for a new slip
            JsonNode payable = payer.get("/api/plugins/arrears-payment/payable").json();
            assertEquals(3, payable.path("count").asInt());
            assertFalse(payable.toString().contains(voucher));
            Http.Answer again = payer.post(SLIPS, Map.of("lines", ids(payable.path("items"))));
            assertEquals(again.body(), 201, again.status());
            assertEquals("2027-01-30", again.json().path("validUntil").asText());
        }
        assertTrue(slips.slip(voucher).isPresent());
    }
}
