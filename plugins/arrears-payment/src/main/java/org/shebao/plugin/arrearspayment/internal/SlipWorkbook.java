package org.shebao.plugin.arrearspayment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.TEXTS;

/**
 * A payment slip as an Excel workbook (.xlsx, Apache POI): the person, the voucher number, one row per month and
 * type (base, amount, late fee, interest, a note for provisional figures and differences), the total, the validity
 * date and how to pay. Headers in the reader's language; money cells with a two-decimal number format. Months and
 * days are the bureau's local dates written as such, with no time part (never an instant, which a spreadsheet would
 * show shifted by the server's time zone): months shown {@code yyyy-mm}, days {@code yyyy-mm-dd}.
 */
final class SlipWorkbook {

    static final String MONEY_FORMAT = "#,##0.00";
    static final String MONTH_FORMAT = "yyyy-mm";
    static final String DAY_FORMAT = "yyyy-mm-dd";
    static final int FIRST_LINE_ROW = 6;

    private SlipWorkbook() {
    }

    static void write(Slip slip, Text districtName, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(TEXTS.t("xlsx.sheet").in(locale));
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle title = book.createCellStyle();
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle label = book.createCellStyle();
            label.setFont(bold);
            CellStyle header = bordered(book);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            CellStyle text = bordered(book);
            CellStyle money = bordered(book);
            money.setDataFormat(book.createDataFormat().getFormat(MONEY_FORMAT));
            CellStyle month = bordered(book);
            month.setDataFormat(book.createDataFormat().getFormat(MONTH_FORMAT));
            month.setAlignment(HorizontalAlignment.CENTER);
            CellStyle day = book.createCellStyle();
            day.setDataFormat(book.createDataFormat().getFormat(DAY_FORMAT));
            day.setAlignment(HorizontalAlignment.LEFT);
            CellStyle totalMoney = bordered(book);
            totalMoney.cloneStyleFrom(money);
            totalMoney.setFont(bold);

            Row r0 = sheet.createRow(0);
            cell(r0, 0, TEXTS.t("xlsx.title").in(locale), title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            pair(sheet.createRow(1), TEXTS.t("xlsx.voucherNo").in(locale), slip.voucherNo(), label);
            Row r2 = sheet.createRow(2);
            pair(r2, TEXTS.t("xlsx.name").in(locale), slip.name(), label);
            cell(r2, 4, TEXTS.t("xlsx.idNumber").in(locale), label);
            cell(r2, 5, slip.idNumber(), null);
            Row r3 = sheet.createRow(3);
            pair(r3, TEXTS.t("xlsx.district").in(locale), districtName.in(locale), label);
            cell(r3, 4, TEXTS.t("xlsx.issuedOn").in(locale), label);
            date(r3, 5, slip.issuedOn(), day);
            Row r4 = sheet.createRow(4);
            cell(r4, 0, TEXTS.t("xlsx.validUntil").in(locale), label);
            date(r4, 1, slip.validUntil(), day);

            String[] headings = {"xlsx.col.no", "xlsx.col.type", "xlsx.col.month", "xlsx.col.base", "xlsx.col.amount",
                    "xlsx.col.lateFee", "xlsx.col.interest", "xlsx.col.total", "xlsx.col.note"};
            Row head = sheet.createRow(FIRST_LINE_ROW - 1);
            for (int i = 0; i < headings.length; i++) {
                cell(head, i, TEXTS.t(headings[i]).in(locale), header);
            }
            int rowIndex = FIRST_LINE_ROW;
            for (SlipLine line : slip.lines()) {
                Row row = sheet.createRow(rowIndex);
                row.createCell(0).setCellValue(rowIndex - FIRST_LINE_ROW + 1);
                row.getCell(0).setCellStyle(text);
                cell(row, 1, line.type().code() + " " + line.type().label().in(locale), text);
                date(row, 2, line.month().atDay(1), month);
                number(row, 3, line.base(), money);
                number(row, 4, line.amount(), money);
                number(row, 5, line.lateFee(), money);
                number(row, 6, line.interest(), money);
                number(row, 7, line.total(), money);
                cell(row, 8, note(line, locale), text);
                rowIndex++;
            }
            Row total = sheet.createRow(rowIndex);
            cell(total, 0, TEXTS.t("xlsx.total").in(locale), header);
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, 6));
            number(total, 7, slip.total(), totalMoney);
            Row how = sheet.createRow(rowIndex + 2);
            cell(how, 0, TEXTS.t("xlsx.howToPay", slip.voucherNo(), slip.validUntil().toString()).in(locale), null);
            sheet.addMergedRegion(new CellRangeAddress(rowIndex + 2, rowIndex + 2, 0, 8));
            int[] widths = {12, 30, 12, 14, 14, 12, 12, 14, 24};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
        }
    }

    /** 补差 for a difference, 暂按 YYYY 年度标准 for provisional figures, else nothing. */
    private static String note(SlipLine line, Locale locale) {
        String kind = line.kind() == LineKind.REGULAR ? "" : TEXTS.t("xlsx.difference").in(locale);
        String rates = line.provisional() ? TEXTS.t("xlsx.provisional", String.valueOf(line.ratesYear())).in(locale) : "";
        return kind.isEmpty() || rates.isEmpty() ? kind + rates : kind + "，" + rates;
    }

    /** A local date as a spreadsheet date: the day itself, no time and no time zone. */
    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static CellStyle bordered(XSSFWorkbook book) {
        CellStyle style = book.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static void pair(Row row, String label, String value, CellStyle labelStyle) {
        cell(row, 0, label, labelStyle);
        cell(row, 1, value, null);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, java.math.BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }
}
