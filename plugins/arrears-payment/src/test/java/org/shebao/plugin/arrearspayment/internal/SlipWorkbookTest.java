package org.shebao.plugin.arrearspayment.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;
import org.shebao.api.records.SlipStatus;

/**
 * The slip as a person sees it in a spreadsheet application: every cell read back through POI's
 * {@link DataFormatter} (what Excel or LibreOffice Calc displays), on a server whose default time zone is UTC, as
 * production servers often are. Every month and date is the bureau's local date, with no time part.
 */
public class SlipWorkbookTest {

    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private final DataFormatter shown = new DataFormatter(Locale.ROOT);
    private TimeZone before;

    @Before
    public void serverInUtc() {
        before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @After
    public void restore() {
        TimeZone.setDefault(before);
    }

    /** Six months of arrears before the month before the issue day, 110 and 310 (DEMO.md, 王强), one provisional. */
    private static Slip slip(LocalDate issuedOn, LocalDate validUntil) {
        List<SlipLine> lines = new ArrayList<>();
        YearMonth last = YearMonth.from(issuedOn).minusMonths(2);
        long id = 1;
        for (YearMonth m = last.minusMonths(5); !m.isAfter(last); m = m.plusMonths(1)) {
            lines.add(new SlipLine(id++, InsuranceType.PENSION, m, new BigDecimal("6795.00"), new BigDecimal("1359.00"),
                    ZERO, ZERO, LineKind.REGULAR, m.getYear(), false));
            lines.add(new SlipLine(id++, InsuranceType.MEDICAL, m, new BigDecimal("6795.00"), new BigDecimal("407.70"),
                    new BigDecimal("12.35"), ZERO, LineKind.REGULAR, m.getYear() - 1, true));
        }
        BigDecimal total = lines.stream().map(SlipLine::total).reduce(ZERO, BigDecimal::add);
        return new Slip("20261234567890123452", "420111197811020334", "王强", "420111", issuedOn, validUntil,
                SlipStatus.ISSUED, lines, total, null);
    }

    private Sheet read(Slip slip, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SlipWorkbook.write(slip, org.shebao.api.i18n.Text.literal("洪山区"), locale, out);
        XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        return book.getSheetAt(0);
    }

    private String cell(Row row, int column) {
        return shown.formatCellValue(row.getCell(column));
    }

    private void everyRowAsTheLedgerSaysIt(LocalDate issuedOn, LocalDate validUntil) throws Exception {
        Slip slip = slip(issuedOn, validUntil);
        Sheet sheet = read(slip, Locale.SIMPLIFIED_CHINESE);
        assertEquals(issuedOn.toString(), cell(sheet.getRow(3), 5));
        assertEquals(validUntil.toString(), cell(sheet.getRow(4), 1));
        for (int i = 0; i < slip.lines().size(); i++) {
            SlipLine line = slip.lines().get(i);
            Row row = sheet.getRow(SlipWorkbook.FIRST_LINE_ROW + i);
            assertEquals(String.valueOf(i + 1), cell(row, 0));
            assertEquals(line.type().code() + " " + line.type().label().in(Locale.SIMPLIFIED_CHINESE), cell(row, 1));
            assertEquals("row " + (i + 1) + " of the slip issued on " + issuedOn, line.month().toString(), cell(row, 2));
            assertEquals(String.format("%,.2f", line.base()), cell(row, 3));
            assertEquals(String.format("%,.2f", line.amount()), cell(row, 4));
            assertEquals(String.format("%,.2f", line.lateFee()), cell(row, 5));
            assertEquals(String.format("%,.2f", line.interest()), cell(row, 6));
            assertEquals(String.format("%,.2f", line.total()), cell(row, 7));
            assertEquals(line.provisional() ? "暂按 " + line.ratesYear() + " 年度标准" : "", cell(row, 8));
        }
        Row total = sheet.getRow(SlipWorkbook.FIRST_LINE_ROW + slip.lines().size());
        assertEquals(String.format("%,.2f", slip.total()), cell(total, 7));
    }

    @Test
    public void issuedOnTheFirstOfAMonth() throws Exception {
        everyRowAsTheLedgerSaysIt(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 30));
    }

    @Test
    public void issuedOnTheLastDayOfAMonth() throws Exception {
        everyRowAsTheLedgerSaysIt(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 29));
    }

    @Test
    public void issuedOnTheThirtyFirstOfDecember() throws Exception {
        everyRowAsTheLedgerSaysIt(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 29));
    }

    @Test
    public void englishHeadingsSayTheSameMonths() throws Exception {
        Slip slip = slip(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 30));
        Sheet sheet = read(slip, Locale.ENGLISH);
        assertEquals("2026-06", cell(sheet.getRow(SlipWorkbook.FIRST_LINE_ROW), 2));
        assertEquals("Provisionally at the 2025 rates", cell(sheet.getRow(SlipWorkbook.FIRST_LINE_ROW + 1), 8));
    }
}
