package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
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
 * The arrears back-payment, write-off and gap back-pay plugins over HTTP with the demo citizens: queries, tasks,
 * approval effects, the payment slip and its .xlsx opened with POI, cancellation by the district office, and a
 * task returned because its lines changed between submission and approval.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ArrearsPluginsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);
    private static final YearMonth NOW = YearMonth.from(TODAY);
    private static final String WANG_QIANG = "420111197811020334";
    private static final String LIU_FANG = "420103198205300445";





    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private List<LedgerLine> lines(String id, LineStatus status, InsuranceType type) {
        return lines(id, Set.of(status), Optional.of(type), Optional.empty(), TODAY);
    }

    @Test
    public void wangQiangPaysHisPensionArrearsWithASlipAndWritesOffMedicalMonths() throws Exception {
        Http wang = BusinessPluginsIT.demo(port, WANG_QIANG);
        JsonNode arrears = wang.get("/api/plugins/arrears-payment/arrears").json();
        assertEquals(18, arrears.path("count").asInt());
        assertEquals(10, arrears.path("items").size());
        assertEquals("10642.20", arrears.path("total").asText());
        assertEquals("110", arrears.path("totals").get(0).path("insuranceType").asText());
        assertEquals(6, arrears.path("totals").get(0).path("months").asInt());
        assertEquals("8154.00", arrears.path("totals").get(0).path("amount").asText());
        assertEquals("1359.00", arrears.path("items").get(0).path("amount").asText());
        assertEquals(8, wang.get("/api/plugins/arrears-payment/arrears?page=1&size=10").json().path("items").size());
        assertEquals(12, wang.get("/api/plugins/arrears-payment/arrears?insuranceType=310&size=5").json().path("count").asInt());
        assertEquals(400, wang.get("/api/plugins/arrears-payment/arrears?size=0").status());

        // pay the pension type by type: all six months go together
        JsonNode paid = BusinessPluginsIT.submit(wang, "arrears-payment", Map.of("types", List.of("110")));
        assertEquals(paid.toString(), "APPROVED", paid.path("state").asText());
        assertEquals("8154.00", paid.path("assessment").path("total").asText());
        assertEquals(6, lines(WANG_QIANG, LineStatus.PAYABLE, InsuranceType.PENSION).size());
        assertEquals(12, lines(WANG_QIANG, LineStatus.ARREARS, InsuranceType.MEDICAL).size());
        // the decided task keeps the rows it was decided on
        long paidTask = paid.path("id").asLong();
        JsonNode keptRows = wang.get("/api/tasks/" + paidTask).json().path("snapshot").path("arrears");
        assertEquals(6, keptRows.size());
        assertEquals("ARREARS", keptRows.get(0).path("status").asText());
        assertEquals("1359.00", keptRows.get(0).path("amount").asText());

        JsonNode payable = wang.get("/api/plugins/arrears-payment/payable?from=" + NOW.minusMonths(7)).json();
        assertEquals(6, payable.path("count").asInt());
        List<Long> first3 = ids(payable.path("items")).subList(0, 3);
        Http.Answer issued = wang.post("/api/plugins/arrears-payment/slips", Map.of("lines", first3));
        assertEquals(issued.body(), 201, issued.status());
        String voucher = issued.json().path("voucherNo").asText();
        assertTrue(voucher, voucher.matches("2026\\d{16}"));
        assertEquals("4077.00", issued.json().path("total").asText());
        assertEquals(TODAY.plusDays(29).toString(), issued.json().path("validUntil").asText());
        assertEquals(409, wang.post("/api/plugins/arrears-payment/slips", Map.of("lines", first3)).status());
        long medical = lines(WANG_QIANG, LineStatus.ARREARS, InsuranceType.MEDICAL).get(0).id();
        Http.Answer notPayable = wang.post("/api/plugins/arrears-payment/slips", Map.of("lines", List.of(medical)));
        assertEquals(409, notPayable.status());
        assertTrue(notPayable.body(), notPayable.body().contains("当前状态为“欠费”"));
        assertEquals(voucher, wang.get("/api/plugins/arrears-payment/slips").json().get(0).path("voucherNo").asText());

        byte[] xlsx = wang.bytes("/api/plugins/arrears-payment/slips/" + voucher + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("缴费凭单", sheet.getSheetName());
            assertEquals(voucher, sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("王强", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("小计", sheet.getRow(5).getCell(7).getStringCellValue());
            for (int row = 6; row < 9; row++) {
                assertEquals(1359.00, sheet.getRow(row).getCell(4).getNumericCellValue(), 0);
            }
            assertEquals("合计", sheet.getRow(9).getCell(0).getStringCellValue());
            assertEquals(4077.00, sheet.getRow(9).getCell(7).getNumericCellValue(), 0);
        }
        assertEquals(404, citizen("420111").get("/api/plugins/arrears-payment/slips/" + voucher + ".xlsx").status());

        // only the district office cancels: a citizen is refused, another district's office finds nothing
        assertEquals(403, wang.post("/api/plugins/arrears-payment/slips/" + voucher + "/cancel", Map.of()).status());
        Http jiangan = BusinessPluginsIT.demo(port, "jiangan-admin");
        assertEquals(404, jiangan.post("/api/plugins/arrears-payment/slips/" + voucher + "/cancel", Map.of()).status());
        Http admin = BusinessPluginsIT.demo(port, "admin");
        Http.Answer cancelled = admin.post("/api/plugins/arrears-payment/slips/" + voucher + "/cancel", Map.of());
        assertEquals(cancelled.body(), 200, cancelled.status());
        assertEquals("CANCELLED", cancelled.json().path("status").asText());
        assertEquals(6, lines(WANG_QIANG, LineStatus.PAYABLE, InsuranceType.PENSION).size());
        // today's records moved on (payable, a slip issued and cancelled); the decided task still shows its rows
        JsonNode stillKept = wang.get("/api/tasks/" + paidTask).json().path("snapshot").path("arrears");
        assertEquals(keptRows, stillKept);
        assertEquals("In arrears", wang.language("en").get("/api/tasks/" + paidTask).json().path("snapshot").path("arrears")
                .get(0).path("statusName").asText());
        wang.language("zh-CN");

        // write off two medical months: the 310 query brings its 330 lines
        JsonNode toWriteOff = wang.get("/api/plugins/arrears-writeoff/arrears?insuranceType=310").json();
        assertEquals(12, toWriteOff.path("count").asInt());
        List<Long> two = ids(toWriteOff.path("items")).subList(0, 2);
        JsonNode assessment = wang.post("/api/business-types/arrears-writeoff/assessment", Map.of("data", Map.of("lines", two))).json();
        assertEquals("407.70", assessment.path("medicalTotal").asText());
        assertEquals("7.00", assessment.path("majorIllnessTotal").asText());
        assertEquals("414.70", assessment.path("total").asText());
        Http.Answer none = wang.post("/api/tasks", Map.of("businessType", "arrears-writeoff", "data", Map.of("lines", List.of())));
        assertEquals(400, none.status());
        JsonNode writtenOff = BusinessPluginsIT.submit(wang, "arrears-writeoff", Map.of("lines", two));
        assertEquals(writtenOff.toString(), "APPROVED", writtenOff.path("state").asText());
        // 310 and its 330 line of the month
        assertEquals(2, lines(WANG_QIANG, LineStatus.WRITTEN_OFF, InsuranceType.MEDICAL).size());
        assertEquals(10, wang.get("/api/plugins/arrears-writeoff/arrears").json().path("count").asInt());
    }

    @Test
    public void liuFangBackPaysGapsWithInterest() {
        Http liu = BusinessPluginsIT.demo(port, LIU_FANG);
        // the interruption periods: consecutive gap months grouped (from, to, months, principal, interest, subtotal)
        JsonNode gaps = liu.get("/api/plugins/gap-payment/gaps").json();
        assertEquals(2, gaps.path("count").asInt());
        JsonNode first = gaps.path("items").get(0);
        assertEquals("2022-03..2022-08", first.path("id").asText());
        assertEquals("2022-03", first.path("from").asText());
        assertEquals("2022-08", first.path("to").asText());
        assertEquals(6, first.path("months").asInt());
        assertTrue(first.path("backPayable").asBoolean());
        assertEquals("4892.40", first.path("amount").asText());
        // simple interest month by month up to 2026-10 at each year's crediting rate (6.12%, 3.97%, 2.62%):
        // 2022-03 134.49, -04 130.33, -05 126.17, -06 122.01, -07 117.85, -08 113.69
        assertEquals("744.54", first.path("interest").asText());
        assertEquals("5636.94", first.path("total").asText());
        JsonNode second = gaps.path("items").get(1);
        assertEquals("2024-01..2024-04", second.path("id").asText());
        assertEquals(4, second.path("months").asInt());
        assertEquals(1, liu.get("/api/plugins/gap-payment/gaps?from=2024-01").json().path("count").asInt());
        assertEquals("2022-05..2022-08", liu.get("/api/plugins/gap-payment/gaps?from=2022-05").json().path("items").get(0)
                .path("id").asText());
        assertEquals(400, liu.get("/api/plugins/gap-payment/gaps?from=2024-13").status());

        Http.Answer notAGap = liu.post("/api/tasks", Map.of("businessType", "gap-payment", "data", Map.of("periods", List.of("2022-09..2022-09"))));
        assertEquals(400, notAGap.status());
        assertTrue(notAGap.body(), notAGap.body().contains("不是养老保险中断月份"));

        JsonNode approved = BusinessPluginsIT.submit(liu, "gap-payment", Map.of("periods", List.of("2024-01..2024-04")));
        assertEquals(approved.toString(), "APPROVED", approved.path("state").asText());
        assertEquals(second.path("amount").asText(), approved.path("assessment").path("amount").asText());
        assertEquals(second.path("interest").asText(), approved.path("assessment").path("interest").asText());
        assertEquals(second.path("total").asText(), approved.path("assessment").path("total").asText());
        assertEquals(1, liu.get("/api/plugins/gap-payment/gaps").json().path("count").asInt());
        // the decided task shows the period as it was decided, not today's (no longer a gap)
        JsonNode kept = liu.get("/api/tasks/" + approved.path("id").asLong()).json().path("snapshot").path("periods");
        assertEquals(1, kept.size());
        assertEquals("2024-01..2024-04", kept.get(0).path("id").asText());
        assertEquals(second.path("total").asText(), kept.get(0).path("total").asText());

        JsonNode payable = liu.get("/api/plugins/arrears-payment/payable").json();
        assertEquals(4, payable.path("count").asInt());
        Http.Answer slip = liu.post("/api/plugins/arrears-payment/slips", Map.of("lines", ids(payable.path("items"))));
        assertEquals(slip.body(), 201, slip.status());
        assertEquals(second.path("total").asText(), slip.json().path("total").asText());
    }

    @Test
    public void aLineThatChangesBeforeApprovalReturnsTheTaskWithItsReason() throws Exception {
        Http citizen = citizenWithRecord("420102");
        String id = citizen.me();
        imports.importEnrolment(id, new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 60, NOW.minusMonths(3),
                NOW.minusMonths(3), null, null));
        Rates r = rates.rates("420102", Year.of(NOW.getYear()));
        imports.importLines(id, List.of(
                new ImportedLine(InsuranceType.PENSION, NOW.minusMonths(3), r.pensionBase(60), r.pensionMonthly(60), LineStatus.ARREARS),
                new ImportedLine(InsuranceType.PENSION, NOW.minusMonths(2), r.pensionBase(60), r.pensionMonthly(60), LineStatus.ARREARS)));
        List<Long> both = lines(id, LineStatus.ARREARS, InsuranceType.PENSION).stream().map(LedgerLine::id).toList();

        Configuration review = configurations.getConfiguration("org.shebao.review", null);
        Dictionary<String, Object> before = review.getProperties();
        Hashtable<String, Object> slower = new Hashtable<>();
        for (var keys = before.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            slower.put(key, before.get(key));
        }
        slower.put("delaySeconds", "3");
        // one worker takes both due tasks in submission order (with two, which decides first is a race: either
        // outcome is consistent, the test wants the payment's)
        slower.put("workers", "1");
        review.update(slower);
        try {
            Thread.sleep(1000);
            JsonNode pay = citizen.post("/api/tasks", Map.of("businessType", "arrears-payment", "data",
                    Map.of("types", List.of("110")))).json();
            JsonNode writeOff = citizen.post("/api/tasks", Map.of("businessType", "arrears-writeoff", "data",
                    Map.of("lines", both))).json();
            assertEquals(200, citizen.post("/api/tasks/" + pay.path("id").asLong() + "/submit",
                    Map.of("version", pay.path("version").asLong())).status());
            assertEquals(200, citizen.post("/api/tasks/" + writeOff.path("id").asLong() + "/submit",
                    Map.of("version", writeOff.path("version").asLong())).status());
            long w = writeOff.path("id").asLong();
            Waits.until("the write-off decided", 30,
                    () -> citizen.get("/api/tasks/" + w).json().path("state").asText().matches("APPROVED|RETURNED"));
            JsonNode returned = citizen.get("/api/tasks/" + w).json();
            assertEquals(returned.toString(), "RETURNED", returned.path("state").asText());
            assertTrue(returned.path("returnReason").asText(), returned.path("returnReason").asText().contains("当前状态为“待缴费”"));
            assertEquals("APPROVED", citizen.get("/api/tasks/" + pay.path("id").asLong()).json().path("state").asText());
            assertEquals(2, lines(id, LineStatus.PAYABLE, InsuranceType.PENSION).size());
        } finally {
            review.update(before);
        }
    }
}
