package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The citizen's own record and ledger for each demo citizen, as DEMO.md tells their histories (counted from the
 * pinned today), only ever the caller's; and the contribution certificate: issued, verified without a login (masked),
 * a snapshot, expired, unknown, and verified no more than 30 times a minute from one address.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MyRecordsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);
    private static final YearMonth NOW = YearMonth.from(TODAY);

    @Inject
    java.time.Clock clock;

    private static int months(YearMonth from, YearMonth to) {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    @org.junit.Before
    public void awaitTheDemoRecords() {
        Waits.until("the demo records", 60, () -> List.of("420106198507220220", "420111197811020334", "420103198205300445",
                "420104197509090557").stream().allMatch(id -> records.person(id).isPresent()));
    }

    private JsonNode me(String login) {
        Http.Answer a = BusinessPluginsIT.demo(port, login).get("/api/records/me");
        assertEquals(a.body(), 200, a.status());
        return a.json();
    }

    private static List<String> ledger(Http http, String query) {
        Http.Answer a = http.get("/api/records/me/ledger?size=500" + query);
        assertEquals(a.body(), 200, a.status());
        List<String> rows = new ArrayList<>();
        a.json().path("items").forEach(l -> rows.add(l.path("month").asText() + " " + l.path("insuranceType").asText()
                + " " + l.path("status").asText()));
        return rows;
    }

    @Test
    public void eachDemoCitizenSeesTheHistoryDemoMdTells() {
        // 李娜: 110 at 60% and 310 since 2020-01, all paid (this month is due)
        JsonNode liNa = me("420106198507220220");
        assertEquals("武昌区", liNa.path("person").path("districtName").asText());
        assertEquals("60", liNa.path("enrolments").get(0).path("tier").asText());
        assertEquals(months(YearMonth.of(2020, 1), NOW.minusMonths(1)), liNa.path("summary").path("paidMonths").path("110").asInt());
        assertEquals(months(YearMonth.of(2020, 1), NOW.minusMonths(1)), liNa.path("summary").path("paidMonths").path("310").asInt());
        assertEquals("0.00", liNa.path("summary").path("arrears").asText());

        // 王强: 110 at 100% and 310 since 2018-01; the six months before last unpaid (arrears), last month due
        JsonNode wang = me("420111197811020334");
        assertEquals(months(YearMonth.of(2018, 1), NOW.minusMonths(8)), wang.path("summary").path("paidMonths").path("110").asInt());
        assertEquals("10642.20", wang.path("summary").path("arrears").asText());
        Http wangHttp = BusinessPluginsIT.demo(port, "420111197811020334");
        List<String> arrears = ledger(wangHttp, "&status=ARREARS&insuranceType=110");
        assertEquals(6, arrears.size());
        assertEquals(NOW.minusMonths(2) + " 110 ARREARS", arrears.get(0));
        assertEquals(NOW.minusMonths(7) + " 110 ARREARS", arrears.get(5));
        assertTrue(ledger(wangHttp, "&from=" + NOW.minusMonths(1) + "&to=" + NOW.minusMonths(1)).contains(NOW.minusMonths(1) + " 110 DUE"));

        // 刘芳: 110 since 2016-01, no lines in 2022-03..2022-08 and 2024-01..2024-04, paid otherwise
        JsonNode liu = me("420103198205300445");
        assertEquals(months(YearMonth.of(2016, 1), NOW.minusMonths(1)) - 10, liu.path("summary").path("paidMonths").path("110").asInt());
        Http liuHttp = BusinessPluginsIT.demo(port, "420103198205300445");
        assertTrue(ledger(liuHttp, "&from=2022-03&to=2022-08").isEmpty());
        assertEquals(List.of("2022-09 110 PAID", "2022-02 110 PAID"), ledger(liuHttp, "&from=2022-02&to=2022-09"));

        // 陈杰: 110 and 310 suspended since 2023-01
        JsonNode chen = me("420104197509090557");
        chen.path("enrolments").forEach(e -> {
            assertEquals("SUSPENDED", e.path("status").asText());
            assertEquals("2022-12", e.path("until").asText());
        });
        assertEquals(2, chen.path("enrolments").size());

        // 张伟 and 赵敏: never enrolled
        for (String never : List.of("420102199003150117", "420105197012010669")) {
            JsonNode none = me(never);
            assertEquals(0, none.path("enrolments").size());
            assertEquals(0, none.path("summary").path("paidMonths").size());
            assertTrue(ledger(BusinessPluginsIT.demo(port, never), "").isEmpty());
        }
    }

    @Test
    public void onlyTheCallersOwnRecordAndBadFiltersAreRefused() {
        Http liNa = BusinessPluginsIT.demo(port, "420106198507220220");
        // no parameter reaches another person's record
        assertEquals("李娜", liNa.get("/api/records/me?idNumber=420111197811020334").json().path("person").path("name").asText());
        assertFalse(ledger(liNa, "&idNumber=420111197811020334").stream().anyMatch(r -> r.endsWith("ARREARS")));
        assertEquals(403, BusinessPluginsIT.demo(port, "hongshan-reviewer").get("/api/records/me").status());
        assertEquals(401, new Http(port).get("/api/records/me/ledger").status());
        for (String bad : List.of("from=2026-13", "from=2026-05&to=2026-01", "insuranceType=999", "status=LOST", "size=0", "page=-1")) {
            Http.Answer a = liNa.get("/api/records/me/ledger?" + bad);
            assertEquals(bad + ": " + a.body(), 400, a.status());
        }
        // pages: newest month first
        Http.Answer first = liNa.get("/api/records/me/ledger?insuranceType=110&size=12");
        assertEquals(NOW.toString(), first.json().path("items").get(0).path("month").asText());
        assertEquals(months(YearMonth.of(2020, 1), NOW), first.json().path("total").asInt());
        assertEquals(NOW.minusMonths(12).toString(), liNa.get("/api/records/me/ledger?insuranceType=110&size=12&page=1").json()
                .path("items").get(0).path("month").asText());
    }

    @Test
    public void theWholeLedgerPagesNewestMonthFirstWithoutGapOrOverlap() {
        // 王强: 110, 310 and 330 since 2018-01, paid, in arrears and due: pages of 7 read back the one list, each
        // month's lines in type order, whether every status is asked (read in the index's order) or some
        Http wang = BusinessPluginsIT.demo(port, "420111197811020334");
        for (String status : List.of("", "&status=PAID", "&status=ARREARS")) {
            List<String> all = ledger(wang, status);
            List<String> sorted = new ArrayList<>(all);
            sorted.sort(java.util.Comparator.comparing((String r) -> r.substring(0, 7)).reversed()
                    .thenComparing(r -> r.substring(8, 11)));
            assertEquals(status, sorted, all);
            List<String> paged = new ArrayList<>();
            for (int page = 0; paged.size() < all.size(); page++) {
                Http.Answer a = wang.get("/api/records/me/ledger?size=7&page=" + page + status);
                assertEquals(a.body(), 200, a.status());
                assertEquals(all.size(), a.json().path("total").asInt());
                assertTrue(status + " page " + page, a.json().path("items").size() > 0);
                a.json().path("items").forEach(l -> paged.add(l.path("month").asText() + " "
                        + l.path("insuranceType").asText() + " " + l.path("status").asText()));
            }
            assertEquals(status, all, paged);
        }
        List<String> all = ledger(wang, "");
        assertTrue(all.get(0), all.get(0).startsWith(NOW + " 110 "));
        assertTrue(all.get(all.size() - 1), all.get(all.size() - 1).startsWith("2018-01 "));
        assertTrue(all.size() >= months(YearMonth.of(2018, 1), NOW) * 2);
    }

    @Test
    public void aCertificateIsASnapshotAnyoneVerifiesMaskedUntilItExpires() throws Exception {
        Http citizen = citizenWithRecord("420106");
        String id = citizen.me();
        assertEquals(409, citizen.post("/api/certificates", Map.of()).status());
        Rates r = rates.rates("420106", Year.of(2025));
        List<ImportedLine> paid = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (m != 6) {
                paid.add(new ImportedLine(InsuranceType.PENSION, YearMonth.of(2025, m), r.pensionBase(60), r.pensionMonthly(60), LineStatus.PAID));
            }
        }
        imports.importLines(id, paid);
        Http.Answer issued = citizen.post("/api/certificates", Map.of("from", "2025-01", "to", "2025-12"));
        assertEquals(issued.body(), 201, issued.status());
        String code = issued.json().path("code").asText();
        assertTrue(code, code.matches("[A-Z2-7]{26}"));
        assertEquals(TODAY.plusMonths(3).minusDays(1).toString(), issued.json().path("validUntil").asText());
        assertEquals("/console/verify/" + code, issued.json().path("url").asText());
        assertEquals(400, citizen.post("/api/certificates", Map.of("from", "2025-12", "to", "2025-13")).status());

        // a later payment of the gap does not change the certificate already issued
        imports.importLines(id, List.of(new ImportedLine(InsuranceType.PENSION, YearMonth.of(2025, 6), r.pensionBase(60),
                r.pensionMonthly(60), LineStatus.PAID)));
        Http anyone = new Http(port);
        JsonNode c = anyone.get("/api/certificates/" + code).json();
        assertTrue(c.path("valid").asBoolean());
        assertEquals("测*", c.path("name").asText());
        assertEquals(id.substring(0, 6) + "********" + id.substring(14), c.path("idNumber").asText());
        assertEquals("武昌区", c.path("districtName").asText());
        assertEquals(2, c.path("periods").size());
        assertEquals("2025-01", c.path("periods").get(0).path("from").asText());
        assertEquals("2025-05", c.path("periods").get(0).path("to").asText());
        assertEquals(5, c.path("periods").get(0).path("months").asInt());
        assertEquals(6, c.path("periods").get(1).path("months").asInt());
        assertEquals(404, anyone.get("/api/certificates/AAAAAAAAAAAAAAAAAAAAAAAAAA").status());
        Http.Answer page = anyone.get("/console/verify/" + code);
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("/console/verify.js"));

        // the day after its last valid day it says so
        try (PinnedClock later = PinnedClock.at(configurations, clock, LocalDate.parse(c.path("validUntil").asText()).plusDays(1))) {
            assertFalse(anyone.get("/api/certificates/" + code).json().path("valid").asBoolean());
        }

        // at most 30 verifications a minute from one address
        int answered = 0;
        Http.Answer last = null;
        for (int i = 0; i < 40 && (last == null || last.status() != 429); i++) {
            last = anyone.get("/api/certificates/" + code);
            answered++;
        }
        assertEquals(last.body(), 429, last.status());
        assertTrue(answered <= 31);
        assertEquals("60", last.header("Retry-After").orElse(""));
    }
}
