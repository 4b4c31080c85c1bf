package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.shebao.api.ShebaoException;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.ResidentId;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipStatus;
import org.shebao.api.records.TypeTotal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The records in the running container: the shipped rates, a rates row added at run time, the ledger job
 * (through its shell command), slips, and every write of {@code RecordsWriter} inside an approval (through the
 * test business {@code it-records}), refused preconditions returning the task and changing nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RecordsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);
    private static final YearMonth NOW = YearMonth.from(TODAY);
    private static final Set<LineStatus> ALL = EnumSet.allOf(LineStatus.class);






    // ---- helpers ----------------------------------------------------------------------------------------

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    /** A citizen with a record: 110 at 60% from {@code since}, paying from {@code payingFrom}, PAID lines as given. */
    /**
     * A citizen paying pension at 60 % since the month, paid up to lastPaid but for the gaps, with more lines. The
     * lines go in before the enrolment: the ledger job, which may run meanwhile, makes amounts due for the enrolled
     * months that have no line, and an import adds none where one is.
     */
    private String importedCitizen(String district, YearMonth since, YearMonth payingFrom, List<YearMonth> gaps,
            YearMonth lastPaid, List<ImportedLine> more) {
        Http http = citizenWithRecord(district);
        String id = http.me();
        List<ImportedLine> lines = new ArrayList<>();
        for (YearMonth m = since; !m.isAfter(lastPaid); m = m.plusMonths(1)) {
            if (!gaps.contains(m)) {
                Rates r = rates.rates(district, Year.of(m.getYear()));
                lines.add(new ImportedLine(InsuranceType.PENSION, m, r.pensionBase(60), r.pensionMonthly(60), LineStatus.PAID));
            }
        }
        lines.addAll(more);
        imports.importLines(id, lines);
        imports.importEnrolment(id, new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 60, since, payingFrom, null, null));
        return id;
    }

    private LedgerLine line(String id, InsuranceType type, YearMonth month) {
        return lines(id, ALL, Optional.of(type), Optional.of(month), TODAY).stream()
                .filter(l -> l.type() == type && l.month().equals(month)).findFirst().orElseThrow();
    }

    /** Saves and submits an it-records task with the ops; returns it decided (a returned one is then withdrawn). */
    private static JsonNode decide(Http http, String... ops) {
        Http.Answer saved = http.post("/api/tasks", Map.of("businessType", "it-records", "data", Map.of("ops", List.of(ops))));
        assertEquals(saved.body(), 201, saved.status());
        long id = saved.json().path("id").asLong();
        Http.Answer submitted = http.post("/api/tasks/" + id + "/submit", Map.of("version", saved.json().path("version").asLong()));
        assertEquals(submitted.body(), 200, submitted.status());
        Waits.until("task " + id + " decided", 30,
                () -> http.get("/api/tasks/" + id).json().path("state").asText().matches("APPROVED|RETURNED"));
        JsonNode task = http.get("/api/tasks/" + id).json();
        if ("RETURNED".equals(task.path("state").asText())) {
            assertEquals(200, http.post("/api/tasks/" + id + "/withdraw", Map.of("version", task.path("version").asLong())).status());
        }
        return task;
    }

    private static void assertApproved(JsonNode task) {
        assertEquals(task.toString(), "APPROVED", task.path("state").asText());
    }

    private static void assertReturned(JsonNode task, String reasonPart) {
        assertEquals(task.toString(), "RETURNED", task.path("state").asText());
        assertTrue(task.path("returnReason").asText(), task.path("returnReason").asText().contains(reasonPart));
    }

    private static void assertRefused(String code, Runnable call) {
        try {
            call.run();
            fail("expected refusal " + code);
        } catch (ShebaoException e) {
            assertEquals(e.getMessage(), code, e.code());
        }
    }


    private static List<String> periods(JsonNode gaps) {
        List<String> periods = new ArrayList<>();
        gaps.path("items").forEach(p -> periods.add(p.path("id").asText() + ":" + p.path("backPayable").asBoolean()));
        return periods;
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Waits.until(what, 30, condition::get);
    }

    // ---- tests ------------------------------------------------------------------------------------------

    @Test
    public void shippedRatesGiveTheWuhan2022Amounts() {
        Rates r = rates.rates("420102", Year.of(2022));
        assertEquals(Rates.CITY, r.district());
        assertFalse(r.estimate());
        assertEquals(money("815.40"), r.pensionMonthly(60));
        assertEquals(money("1359.00"), r.pensionMonthly(100));
        assertEquals(money("4077.00"), r.pensionMonthly(300));
        assertEquals(money("414.70"), r.medicalMonthly());
        assertTrue(rates.rates("420102", Year.of(2026)).estimate());
        for (int year = 2019; year <= 2026; year++) {
            assertTrue(rates.years("420111").contains(Year.of(year)));
        }
        // before the first row: refused, never a silent zero; after the last: the last row, provisionally
        assertRefused("rates-missing", () -> rates.rates("420102", Year.of(2018)));
        Rates later = rates.rates("420102", Year.of(2031));
        assertEquals(Year.of(2026), later.year());
        assertTrue(later.provisionalFor(Year.of(2031)));
        assertFalse(rates.rates("420102", Year.of(2026)).provisionalFor(Year.of(2026)));
    }

    @Test
    public void aRatesRowAddedAtRunTimeAppliesAtOnceAndGoesAgain() throws Exception {
        Configuration row = configurations.createFactoryConfiguration("org.shebao.rates", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("district", "420117");
        props.put("year", "2026");
        props.put("pension.averageWage", "8000");
        props.put("pension.creditingRate", "0.0262");
        props.put("medical.base", "8000");
        row.update(props);
        try {
            await("the 420117 row", () -> rates.rates("420117", Year.of(2026)).district().equals("420117"));
            Rates r = rates.rates("420117", Year.of(2026));
            assertEquals(money("960.00"), r.pensionMonthly(60));
            assertEquals(money("487.00"), r.medicalMonthly());
            // other districts keep the city's figures
            assertEquals(money("815.40"), rates.rates("420102", Year.of(2026)).pensionMonthly(60));
        } finally {
            row.delete();
        }
        await("the 420117 row gone", () -> rates.rates("420117", Year.of(2026)).district().equals(Rates.CITY));
        assertEquals(money("815.40"), rates.rates("420117", Year.of(2026)).pensionMonthly(60));

        // a year the bureau publishes: provisionally the year before's until then, its own after, provisional again once removed
        assertEquals(Year.of(2026), rates.rates("420102", Year.of(2027)).year());
        Configuration year = configurations.createFactoryConfiguration("org.shebao.rates", "?");
        Hashtable<String, Object> y2027 = new Hashtable<>();
        y2027.put("district", Rates.CITY);
        y2027.put("year", "2027");
        y2027.put("pension.averageWage", "7000");
        y2027.put("pension.creditingRate", "0.0262");
        y2027.put("medical.base", "7000");
        year.update(y2027);
        try {
            await("the 2027 row", () -> rates.find("420102", Year.of(2027)).isPresent());
            assertEquals(money("840.00"), rates.rates("420102", Year.of(2027)).pensionMonthly(60));
        } finally {
            year.delete();
        }
        await("the 2027 row gone", () -> rates.find("420102", Year.of(2027)).isEmpty());
    }

    @Test
    public void demoCitizensHaveTheirHistories() {
        await("the demo records", () -> records.person("420103198205300445").isPresent()
                && records.person("420111197811020334").isPresent());
        List<LedgerLine> wang = lines("420111197811020334", Set.of(LineStatus.ARREARS), Optional.empty(), Optional.empty(), TODAY);
        assertEquals(18, wang.size());
        assertEquals(List.of(new TypeTotal(InsuranceType.PENSION, 6, money("8154.00")),
                new TypeTotal(InsuranceType.MEDICAL, 6, money("2446.20")),
                new TypeTotal(InsuranceType.MAJOR_ILLNESS, 6, money("42.00"))), TypeTotal.of(wang));
        assertEquals(6, lines("420111197811020334", Set.of(LineStatus.ARREARS), Optional.of(InsuranceType.PENSION),
                Optional.empty(), TODAY).size());
        // 310 brings its 330 lines
        assertEquals(12, lines("420111197811020334", Set.of(LineStatus.ARREARS), Optional.of(InsuranceType.MEDICAL),
                Optional.empty(), TODAY).size());
        // 刘芳's pension has months without a line since 2022-03 (her gaps, found by the gap-payment plugin)
        List<YearMonth> paid = lines("420103198205300445", ALL, Optional.of(InsuranceType.PENSION), Optional.empty(), TODAY)
                .stream().map(LedgerLine::month).toList();
        assertFalse(paid.contains(YearMonth.of(2022, 3)));
        assertTrue(paid.contains(YearMonth.of(2022, 2)));

        Enrolment liNa = records.enrolment("420106198507220220", InsuranceType.PENSION).orElseThrow();
        assertEquals(EnrolmentStatus.PAYING, liNa.status());
        assertEquals(Integer.valueOf(60), liNa.tierPercent());
        assertTrue(records.enrolments("420104197509090557").stream().allMatch(e -> e.status() == EnrolmentStatus.SUSPENDED));
        assertTrue(records.enrolments("420102199003150117").isEmpty());
    }

    @Test
    public void theLedgerJobCreatesAmountsDueAndArrearsOnlyOnce() throws Exception {
        Http http = citizenWithRecord("420102");
        String id = http.me();
        YearMonth from = NOW.minusMonths(3);
        imports.importEnrolment(id, new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 60, from, from, null, null));
        imports.importEnrolment(id, new Enrolment(InsuranceType.MEDICAL, EnrolmentStatus.PAYING, null, from, from, null, null));

        String first = shell("shebao:ledger-run");
        assertTrue(first, first.startsWith("Ledger up to " + TODAY));
        List<LedgerLine> lines = lines(id, ALL, Optional.empty(), Optional.empty(), TODAY);
        assertEquals(12, lines.size());
        for (InsuranceType type : InsuranceType.values()) {
            assertEquals(LineStatus.ARREARS, line(id, type, from).status());
            assertEquals(LineStatus.ARREARS, line(id, type, from.plusMonths(1)).status());
            assertEquals(LineStatus.DUE, line(id, type, from.plusMonths(2)).status());
            assertEquals(LineStatus.DUE, line(id, type, NOW).status());
        }
        assertEquals(money("815.40"), line(id, InsuranceType.PENSION, NOW).amount());
        assertEquals(money("407.70"), line(id, InsuranceType.MEDICAL, NOW).amount());
        assertEquals(money("7.00"), line(id, InsuranceType.MAJOR_ILLNESS, NOW).amount());

        String second = shell("shebao:ledger-run");
        assertTrue(second, second.contains(" 0 lines created or changed, 0 failed"));
        assertEquals(12, lines(id, ALL, Optional.empty(), Optional.empty(), TODAY).size());
    }

    @Test
    public void slipsHaveUniqueCheckedVouchersAndFollowTheirLines() {
        Http http = citizenWithRecord("420106");
        String id = http.me();
        Rates r = rates.rates("420106", Year.of(2026));
        imports.importLines(id, List.of(
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 1), r.pensionBase(60), r.pensionMonthly(60), LineStatus.PAYABLE),
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 2), r.pensionBase(60), r.pensionMonthly(60), LineStatus.PAYABLE),
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 3), r.pensionBase(60), r.pensionMonthly(60), LineStatus.ARREARS)));
        List<Long> payable = lines(id, Set.of(LineStatus.PAYABLE), Optional.empty(), Optional.empty(), TODAY)
                .stream().map(LedgerLine::id).toList();
        assertEquals(2, payable.size());

        Set<String> vouchers = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Slip slip = slips.issue(id, payable, TODAY);
            assertTrue(slip.voucherNo(), slip.voucherNo().matches("2026\\d{16}"));
            assertTrue("unique " + slip.voucherNo(), vouchers.add(slip.voucherNo()));
            assertEquals(money("1630.80"), slip.total());
            // valid 30 days counting the day of issue
            assertEquals(TODAY.plusDays(29), slip.validUntil());
            assertEquals(2, slip.lines().size());
            assertEquals(LineStatus.ON_SLIP, line(id, InsuranceType.PENSION, YearMonth.of(2026, 1)).status());
            // lines on a slip cannot go on another
            assertRefused("line-state", () -> slips.issue(id, payable, TODAY));
            assertEquals(SlipStatus.CANCELLED, slips.cancel(slip.voucherNo(), "jiangan-admin", TODAY).status());
            assertEquals(LineStatus.PAYABLE, line(id, InsuranceType.PENSION, YearMonth.of(2026, 1)).status());
        }
        long arrears = line(id, InsuranceType.PENSION, YearMonth.of(2026, 3)).id();
        assertRefused("line-state", () -> slips.issue(id, List.of(arrears), TODAY));
        assertRefused("no-lines", () -> slips.issue(id, List.of(), TODAY));
        String other = citizen("420106").me();
        imports.registerPerson(Person.of(new ResidentId(other), "测试", "420106", Household.LOCAL, Contact.NONE));
        assertRefused("line-missing", () -> slips.issue(other, payable, TODAY));

        Slip slip = slips.issue(id, payable, TODAY);
        assertRefused("slip-expired", () -> slips.recordPayment(slip.voucherNo(), "POST-1", TODAY.plusDays(31)));
        assertRefused("payment-ref-required", () -> slips.recordPayment(slip.voucherNo(), " ", TODAY));
        assertEquals(SlipStatus.PAID, slips.recordPayment(slip.voucherNo(), "POST-1", TODAY.plusDays(2)).status());
        assertEquals(LineStatus.PAID, line(id, InsuranceType.PENSION, YearMonth.of(2026, 2)).status());
        assertRefused("slip-not-issued", () -> slips.cancel(slip.voucherNo(), "jiangan-admin", TODAY));
        assertRefused("slip-missing", () -> slips.cancel("20260000000000000000", "jiangan-admin", TODAY));
        assertEquals(101, slips.slips(id).size());

        // a slip not paid in time expires when the ledger job passes, and its lines can go on a new slip
        imports.importLines(id, List.of(new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 4), r.pensionBase(60),
                r.pensionMonthly(60), LineStatus.PAYABLE)));
        long april = line(id, InsuranceType.PENSION, YearMonth.of(2026, 4)).id();
        Slip lapsing = slips.issue(id, List.of(april), TODAY);
        imports.bringUpToDate(id, TODAY.plusDays(29));
        assertEquals(SlipStatus.ISSUED, slips.slip(lapsing.voucherNo()).orElseThrow().status());
        imports.bringUpToDate(id, TODAY.plusDays(30));
        assertEquals(SlipStatus.EXPIRED, slips.slip(lapsing.voucherNo()).orElseThrow().status());
        assertEquals(LineStatus.PAYABLE, line(id, InsuranceType.PENSION, YearMonth.of(2026, 4)).status());
    }

    @Test
    public void approvalsEnrolChangeTierSuspendAndRefuseWhatTheRulesForbid() {
        Http http = citizen("420102");
        String id = http.me();
        assertTrue(records.person(id).isEmpty());

        assertApproved(decide(http, "enrol:110:60:" + NOW, "enrol:310::" + NOW));
        Person person = records.person(id).orElseThrow();
        assertEquals("420102", person.district());
        assertEquals(2, records.enrolments(id).size());
        assertEquals(money("815.40"), line(id, InsuranceType.PENSION, NOW).amount());
        assertEquals(money("407.70"), line(id, InsuranceType.MEDICAL, NOW).amount());
        assertEquals(money("7.00"), line(id, InsuranceType.MAJOR_ILLNESS, NOW).amount());

        assertReturned(decide(http, "enrol:110:60:" + NOW.plusMonths(1)), "已在");
        assertReturned(decide(http, "tier:65:" + NOW.plusMonths(1)), "不在 2026 年的可选档次内");
        assertApproved(decide(http, "tier:80:" + NOW.plusMonths(1)));
        Enrolment pension = records.enrolment(id, InsuranceType.PENSION).orElseThrow();
        assertEquals(Integer.valueOf(80), pension.tierPercent());
        assertEquals(TODAY, pension.tierChangedOn());
        // the month already due keeps its amount
        assertEquals(money("815.40"), line(id, InsuranceType.PENSION, NOW).amount());
        // how often a tier may change is the tier-change business's rule (BusinessPluginsIT), not the records'
        assertApproved(decide(http, "tier:100:" + NOW.plusMonths(1)));
        assertEquals(Integer.valueOf(100), records.enrolment(id, InsuranceType.PENSION).orElseThrow().tierPercent());

        assertApproved(decide(http, "suspend:310:" + NOW));
        Enrolment medical = records.enrolment(id, InsuranceType.MEDICAL).orElseThrow();
        assertEquals(EnrolmentStatus.SUSPENDED, medical.status());
        assertEquals(NOW, medical.payingUntil());
        assertEquals(LineStatus.DUE, line(id, InsuranceType.MEDICAL, NOW).status());
        assertReturned(decide(http, "suspend:310:" + NOW), "不在参保缴费状态");
        assertReturned(decide(http, "enrol:310::" + NOW.minusMonths(1)), "不能早于本月");
        assertApproved(decide(http, "enrol:310::" + NOW.plusMonths(1)));
        assertEquals(EnrolmentStatus.PAYING, records.enrolment(id, InsuranceType.MEDICAL).orElseThrow().status());

        // a refusal undoes the whole effect: the contact change before it is not kept
        assertReturned(decide(http, "contact:13900001111:武汉市江岸区一元路 1 号", "enrol:110:60:" + NOW), "已在");
        assertNull(records.person(id).orElseThrow().contact().mobile());
        assertReturned(decide(http, "contact:12345:武汉市江岸区一元路 1 号"), "联系信息填写有误");
        assertApproved(decide(http, "contact:13900001111:武汉市江岸区一元路 1 号"));
        assertEquals("13900001111", records.person(id).orElseThrow().contact().mobile());
        assertReturned(decide(http, "photo:987654321"), "照片 987654321 不存在");
    }

    @Test
    public void approvalsMakeArrearsPayableWriteThemOffAndBackPayGaps() {
        YearMonth since = YearMonth.of(2021, 1);
        Rates r = rates.rates("420111", Year.of(2026));
        String id = importedCitizen("420111", since, YearMonth.of(2022, 4), List.of(YearMonth.of(2021, 5), YearMonth.of(2022, 3)),
                NOW.minusMonths(3), List.of(
                new ImportedLine(InsuranceType.PENSION, NOW.minusMonths(2), r.pensionBase(60), r.pensionMonthly(60), LineStatus.ARREARS),
                new ImportedLine(InsuranceType.PENSION, NOW.minusMonths(1), r.pensionBase(60), r.pensionMonthly(60), LineStatus.ARREARS)));
        Http http = new Http(port);
        http.login(id, Citizens.PASSWORD);

        // the gaps as the gap-payment plugin shows them: 2021-05 past the look-back, 2022-03 back-payable
        JsonNode gaps = http.get("/api/plugins/gap-payment/gaps").json();
        assertEquals(gaps.toString(), List.of("2021-05..2021-05:false", "2022-03..2022-03:true"), periods(gaps));

        assertEquals(List.of(new TypeTotal(InsuranceType.PENSION, 2, money("1630.80"))),
                TypeTotal.of(lines(id, Set.of(LineStatus.ARREARS), Optional.of(InsuranceType.PENSION), Optional.empty(), TODAY)));
        long older = line(id, InsuranceType.PENSION, NOW.minusMonths(2)).id();
        long newer = line(id, InsuranceType.PENSION, NOW.minusMonths(1)).id();
        long paid = line(id, InsuranceType.PENSION, YearMonth.of(2023, 6)).id();

        assertReturned(decide(http, "payable:" + paid), "当前状态为“已缴”");
        assertApproved(decide(http, "payable:" + older));
        assertEquals(LineStatus.PAYABLE, line(id, InsuranceType.PENSION, NOW.minusMonths(2)).status());
        assertReturned(decide(http, "writeoff:" + older), "当前状态为“待缴费”");
        await("the demo records", () -> records.person("420111197811020334").isPresent());
        long someoneElses = lines("420111197811020334", Set.of(LineStatus.ARREARS), Optional.empty(), Optional.empty(), TODAY)
                .get(0).id();
        assertReturned(decide(http, "writeoff:" + someoneElses), "不存在");
        assertApproved(decide(http, "writeoff:" + newer));
        assertEquals(LineStatus.WRITTEN_OFF, line(id, InsuranceType.PENSION, NOW.minusMonths(1)).status());
        // a written-off month is a gap
        assertTrue(periods(http.get("/api/plugins/gap-payment/gaps").json()).contains(NOW.minusMonths(1) + ".." + NOW.minusMonths(1) + ":true"));

        // a charge: a month with a line in another status is refused, a gap or a written-off month becomes PAYABLE
        assertReturned(decide(http, "charge:2022-04"), "2022-04");
        assertApproved(decide(http, "charge:2022-03," + NOW.minusMonths(1)));
        LedgerLine backPaid = line(id, InsuranceType.PENSION, YearMonth.of(2022, 3));
        assertEquals(LineStatus.PAYABLE, backPaid.status());
        assertEquals(money("815.40"), backPaid.amount());
        assertEquals(money("10.00"), backPaid.interest());
        assertEquals(LineStatus.PAYABLE, line(id, InsuranceType.PENSION, NOW.minusMonths(1)).status());
        assertEquals(List.of("2021-05..2021-05:false"), periods(http.get("/api/plugins/gap-payment/gaps").json()));

        Slip slip = slips.issue(id, List.of(older, backPaid.id()), TODAY);
        assertEquals(money("1640.80"), slip.total());
    }
}
