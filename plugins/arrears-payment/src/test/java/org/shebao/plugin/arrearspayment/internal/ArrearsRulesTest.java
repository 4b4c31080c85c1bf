package org.shebao.plugin.arrearspayment.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;
import org.shebao.api.records.SlipStatus;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class ArrearsRulesTest {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    /** Wang Qiang's arrears: six months of 110 at 100%, 310 and 330. */
    static List<LedgerLine> wangQiang() {
        List<LedgerLine> lines = new ArrayList<>();
        long id = 1;
        for (YearMonth m = YearMonth.of(2026, 5); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            lines.add(new LedgerLine(id++, InsuranceType.PENSION, m, new BigDecimal("6795.00"), new BigDecimal("1359.00"), ZERO, ZERO, LineStatus.ARREARS, null, LineKind.REGULAR, 2026, false, null));
            lines.add(new LedgerLine(id++, InsuranceType.MEDICAL, m, new BigDecimal("6795.00"), new BigDecimal("407.70"), ZERO, ZERO, LineStatus.ARREARS, null, LineKind.REGULAR, 2026, false, null));
            lines.add(new LedgerLine(id++, InsuranceType.MAJOR_ILLNESS, m, ZERO, new BigDecimal("7.00"), ZERO, ZERO, LineStatus.ARREARS, null, LineKind.REGULAR, 2026, false, null));
        }
        return lines;
    }

    @Test
    public void totalsPerPickedTypeWithTheSupplementRidingWithMedical() {
        Assessment both = ArrearsRules.assess(List.of(InsuranceType.PENSION, InsuranceType.MEDICAL), wangQiang());
        assertEquals(new BigDecimal("8154.00"), both.amount("pensionTotal"));
        assertEquals(new BigDecimal("2488.20"), both.amount("medicalTotal"));
        assertEquals(new BigDecimal("10642.20"), both.amount("total"));
        Assessment medical = ArrearsRules.assess(ArrearsRules.types(FormData.of(Map.of("types", List.of("310", "330", "999")))), wangQiang());
        assertEquals(new BigDecimal("2488.20"), medical.amount("total"));
        assertEquals(12, ArrearsRules.lineIds(List.of(InsuranceType.MEDICAL), wangQiang()).size());
    }

    @Test
    public void aChangedTotalReturnsTheTask() {
        List<InsuranceType> pension = List.of(InsuranceType.PENSION);
        Assessment shown = ArrearsRules.assess(pension, wangQiang());
        assertTrue(ArrearsRules.review(pension, shown, shown) instanceof Decision.Approve);
        List<LedgerLine> fewer = new ArrayList<>(wangQiang());
        fewer.remove(0);
        Decision changed = ArrearsRules.review(pension, shown, ArrearsRules.assess(pension, fewer));
        assertEquals("amount-changed", ((Decision.Return) changed).code());
        assertEquals("金额已变化（提交时 8154.00 元，现为 6795.00 元），请核对后重新提交。",
                ((Decision.Return) changed).reason().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("no-arrears", ((Decision.Return) ArrearsRules.review(pension, shown,
                ArrearsRules.assess(pension, List.of()))).code());
    }

    @Test
    public void theSlipWorkbookHasTheVoucherTheRowsAndTheTotal() throws Exception {
        List<SlipLine> lines = List.of(
                new SlipLine(1, InsuranceType.PENSION, YearMonth.of(2026, 5), new BigDecimal("6795.00"), new BigDecimal("1359.00"), ZERO, ZERO, LineKind.REGULAR, 2026, false),
                new SlipLine(2, InsuranceType.PENSION, YearMonth.of(2022, 3), new BigDecimal("4077.00"), new BigDecimal("815.40"), ZERO, new BigDecimal("134.49"), LineKind.REGULAR, 2026, false));
        Slip slip = new Slip("20261234567890123452", "420111197811020334", "王强", "420111", LocalDate.of(2026, 11, 15),
                LocalDate.of(2026, 12, 15), SlipStatus.ISSUED, lines, new BigDecimal("2308.89"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SlipWorkbook.write(slip, org.shebao.api.i18n.Text.literal("洪山区"), Locale.SIMPLIFIED_CHINESE, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheet("缴费凭单");
            assertEquals("凭单号", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("20261234567890123452", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("所属期", sheet.getRow(SlipWorkbook.FIRST_LINE_ROW - 1).getCell(2).getStringCellValue());
            Row first = sheet.getRow(SlipWorkbook.FIRST_LINE_ROW);
            assertEquals("110 企业职工基本养老保险", first.getCell(1).getStringCellValue());
            assertTrue(DateUtil.isCellDateFormatted(first.getCell(2)));
            assertEquals("yyyy-mm", first.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(1359.00, first.getCell(4).getNumericCellValue(), 0);
            assertEquals("#,##0.00", first.getCell(4).getCellStyle().getDataFormatString());
            assertEquals(949.89, sheet.getRow(SlipWorkbook.FIRST_LINE_ROW + 1).getCell(7).getNumericCellValue(), 0.0001);
            Row total = sheet.getRow(SlipWorkbook.FIRST_LINE_ROW + 2);
            assertEquals("合计", total.getCell(0).getStringCellValue());
            assertEquals(2308.89, total.getCell(7).getNumericCellValue(), 0.0001);
        }
    }
}
