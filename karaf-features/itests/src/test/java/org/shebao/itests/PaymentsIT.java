package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Payments reported by the collecting channel (demo account {@code post-office}) over HTTP: every outcome, repeats,
 * expiry judged at the day of payment (Asia/Shanghai), the races with a second report, a cancellation and the ledger
 * job's expiry, the reconciliation file twice, and exceptions resolved by the district office.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PaymentsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);
    private static final String DISTRICT = "420102";

    /** A citizen of 江岸区 with the months PAYABLE (815.40 each at 60%), and the ids of those lines. */
    private String payer(int months) {
        String id = citizenWithRecord(DISTRICT).me();
        Rates r = rates.rates(DISTRICT, Year.of(2026));
        List<ImportedLine> lines = new ArrayList<>();
        for (int m = 1; m <= months; m++) {
            lines.add(new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, m), r.pensionBase(60), r.pensionMonthly(60),
                    LineStatus.PAYABLE));
        }
        imports.importLines(id, lines);
        return id;
    }

    private List<Long> payable(String id) {
        return lines(id, Set.of(LineStatus.PAYABLE), Optional.empty(), Optional.empty(), TODAY).stream().map(LedgerLine::id).toList();
    }

    private Slip slip(String id, int lines, LocalDate issuedOn) {
        return slips.issue(id, payable(id).subList(0, lines), issuedOn);
    }

    private static Map<String, Object> report(String voucher, String amount, String paidAt, String ref) {
        return Map.of("voucherNo", voucher, "amount", amount, "paidAt", paidAt, "channelRef", ref);
    }

    private static String ref() {
        return "PO-" + UUID.randomUUID();
    }

    private Http channel() {
        return BusinessPluginsIT.demo(port, "post-office");
    }

    private static void assertOutcome(Http.Answer a, int status, String outcome, String reason) {
        assertEquals(a.body(), status, a.status());
        assertEquals(a.body(), outcome, a.json().path("status").asText());
        assertEquals(a.body(), reason == null ? "" : reason, a.json().path("reason").asText(""));
    }

    @Test
    public void eachOutcomeOfAReportAndRepeatsAnswerAsTheFirstDid() {
        Http post = channel();
        String id = payer(6);
        Slip slip = slip(id, 2, TODAY);
        String ref = ref();
        Map<String, Object> body = report(slip.voucherNo(), "1630.80", TODAY + "T10:15:00+08:00", ref);
        assertOutcome(post.post("/api/payments", body), 201, "APPLIED", null);
        assertEquals(SlipStatus.PAID, slips.slip(slip.voucherNo()).orElseThrow().status());
        List<LedgerLine> paid = lines(id, Set.of(LineStatus.PAID), Optional.empty(), Optional.empty(), TODAY);
        assertEquals(2, paid.size());
        assertTrue(paid.stream().allMatch(l -> TODAY.equals(l.paidOn()) && slip.voucherNo().equals(l.voucherNo())));
        // the same report again: the first answer; the reference saying something else: 409, nothing changes
        assertOutcome(post.post("/api/payments", body), 200, "APPLIED", null);
        Http.Answer reused = post.post("/api/payments", report(slip.voucherNo(), "1630.80", TODAY + "T10:16:00+08:00", ref));
        assertEquals(reused.body(), 409, reused.status());
        assertTrue(reused.body(), reused.body().contains("channel-ref-reused"));
        assertOutcome(post.post("/api/payments", report(slip.voucherNo(), "1630.80", TODAY + "T11:00:00+08:00", ref())),
                201, "EXCEPTION", "ALREADY_PAID");

        Slip other = slip(id, 2, TODAY);
        assertOutcome(post.post("/api/payments", report(other.voucherNo(), "1630.00", TODAY + "T10:15:00+08:00", ref())),
                201, "EXCEPTION", "AMOUNT_MISMATCH");
        assertEquals(SlipStatus.ISSUED, slips.slip(other.voucherNo()).orElseThrow().status());
        slips.cancel(other.voucherNo(), "jiangan-admin", TODAY);
        assertOutcome(post.post("/api/payments", report(other.voucherNo(), "1630.80", TODAY + "T10:15:00+08:00", ref())),
                201, "EXCEPTION", "CANCELLED");
        assertOutcome(post.post("/api/payments", report("20269999999999999999", "10.00", TODAY + "T10:15:00+08:00", ref())),
                201, "EXCEPTION", "UNKNOWN_VOUCHER");

        // bad reports change nothing; only a channel reports
        Http.Answer bad = post.post("/api/payments", report("", "12.345", "2026-12-02 10:00", ref()));
        assertEquals(bad.body(), 400, bad.status());
        assertEquals(3, bad.json().path("errors").size());
        assertEquals(403, citizen(DISTRICT).post("/api/payments", body).status());
        assertEquals(401, new Http(port).post("/api/payments", body).status());
    }

    @Test
    public void expiryIsJudgedAtTheDayOfPaymentInShanghaiWhateverTheReportsArrival() {
        Http post = channel();
        String id = payer(3);
        // issued 40 days ago: valid through 11 days ago, and expired by the ledger job since
        Slip late = slip(id, 1, TODAY.minusDays(40));
        imports.bringUpToDate(id, TODAY);
        assertEquals(SlipStatus.EXPIRED, slips.slip(late.voucherNo()).orElseThrow().status());
        LocalDate lastDay = late.validUntil();
        assertOutcome(post.post("/api/payments", report(late.voucherNo(), "815.40", lastDay + "T23:30:00+08:00", ref())),
                201, "APPLIED", null);
        assertEquals(SlipStatus.PAID, slips.slip(late.voucherNo()).orElseThrow().status());
        assertEquals(lastDay, lines(id, Set.of(LineStatus.PAID), Optional.empty(), Optional.empty(), TODAY).get(0).paidOn());

        // 16:30 UTC on the last day is 00:30 the next day in Shanghai: too late
        Slip tooLate = slip(id, 1, TODAY.minusDays(40));
        assertOutcome(post.post("/api/payments", report(tooLate.voucherNo(), "815.40", lastDay + "T16:30:00Z", ref())),
                201, "EXCEPTION", "EXPIRED");
        imports.bringUpToDate(id, TODAY);
        // an expired slip whose lines went on a new slip cannot be paid late any more
        Slip again = slip(id, 1, TODAY);
        assertOutcome(post.post("/api/payments", report(tooLate.voucherNo(), "815.40", lastDay + "T10:00:00+08:00", ref())),
                201, "EXCEPTION", "EXPIRED");
        assertEquals(SlipStatus.ISSUED, slips.slip(again.voucherNo()).orElseThrow().status());
    }

    @Test
    public void racesEndInExactlyOneOutcome() throws Exception {
        Http post = channel();
        Http admin = BusinessPluginsIT.demo(port, "jiangan-admin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                // the same report twice at once: one applies it, the other answers as it did
                String id = payer(2);
                Slip slip = slip(id, 1, TODAY);
                Map<String, Object> body = report(slip.voucherNo(), "815.40", TODAY + "T09:00:00+08:00", ref());
                List<Http.Answer> twice = both(pool, () -> post.post("/api/payments", body), () -> post.post("/api/payments", body));
                assertEquals(Set.of(200, 201), Set.of(twice.get(0).status(), twice.get(1).status()));
                twice.forEach(a -> assertOutcome(a, a.status(), "APPLIED", null));
                assertEquals(1, lines(id, Set.of(LineStatus.PAID), Optional.empty(), Optional.empty(), TODAY).size());

                // a payment and the district office's cancellation at once: one of them, never both
                Slip contested = slip(id, 1, TODAY);
                List<Http.Answer> race = both(pool,
                        () -> post.post("/api/payments", report(contested.voucherNo(), "815.40", TODAY + "T09:00:00+08:00", ref())),
                        () -> admin.post("/api/plugins/arrears-payment/slips/" + contested.voucherNo() + "/cancel", Map.of()));
                SlipStatus end = slips.slip(contested.voucherNo()).orElseThrow().status();
                if (end == SlipStatus.PAID) {
                    assertOutcome(race.get(0), 201, "APPLIED", null);
                    assertEquals(race.get(1).body(), 409, race.get(1).status());
                } else {
                    assertEquals(SlipStatus.CANCELLED, end);
                    assertOutcome(race.get(0), 201, "EXCEPTION", "CANCELLED");
                    assertEquals(race.get(1).body(), 200, race.get(1).status());
                    assertEquals(1, payable(id).size());
                }

                // a payment made on the last valid day, reported while the ledger job expires the slip
                String late = payer(1);
                Slip expiring = slip(late, 1, TODAY.minusDays(30));
                List<Object> expiry = both(pool, () -> post.post("/api/payments", report(expiring.voucherNo(), "815.40",
                        expiring.validUntil() + "T18:00:00+08:00", ref())), () -> {
                            try {
                                imports.bringUpToDate(late, TODAY);
                            } catch (RuntimeException deadlockVictim) {
                                imports.bringUpToDate(late, TODAY); // as the job's next run would
                            }
                            return null;
                        });
                assertOutcome((Http.Answer) expiry.get(0), 201, "APPLIED", null);
                assertEquals(SlipStatus.PAID, slips.slip(expiring.voucherNo()).orElseThrow().status());
                assertEquals(LineStatus.PAID, lines(late, Set.of(LineStatus.PAID), Optional.empty(), Optional.empty(), TODAY)
                        .get(0).status());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> both(ExecutorService pool, Callable<? extends T> a, Callable<? extends T> b) throws Exception {
        Future<? extends T> first = pool.submit(a);
        Future<? extends T> second = pool.submit(b);
        return (List<T>) java.util.Arrays.asList(first.get(), second.get());
    }

    @Test
    public void theReconciliationFileAppliesOnceAndReportsMalformedRowsByLine() throws Exception {
        Http admin = BusinessPluginsIT.demo(port, "jiangan-admin");
        String id = payer(3);
        Slip a = slip(id, 1, TODAY);
        Slip b = slip(id, 2, TODAY);
        String prefix = "FILE-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "voucher_no,amount,paid_at,channel_ref\n"
                + a.voucherNo() + ",815.40," + TODAY + "T08:00:00+08:00," + prefix + "-1\n"
                + b.voucherNo() + ",1630.80," + TODAY + "T08:01:00+08:00," + prefix + "-2\n"
                + "20260000000000000001,12.00," + TODAY + "T08:02:00+08:00," + prefix + "-3\n"
                + b.voucherNo() + ",abc," + TODAY + "T08:03:00+08:00," + prefix + "-4\n"
                + "\n"
                + b.voucherNo() + ",1630.80\n";
        JsonNode first = reconcile(admin, csv);
        assertEquals(first.toString(), 5, first.path("rows").asInt());
        assertEquals(2, first.path("applied").asInt());
        assertEquals(0, first.path("alreadyApplied").asInt());
        assertEquals(List.of("4:UNKNOWN_VOUCHER", "5:MALFORMED", "7:MALFORMED"), problems(first));
        assertEquals(SlipStatus.PAID, slips.slip(b.voucherNo()).orElseThrow().status());
        assertEquals(3, lines(id, Set.of(LineStatus.PAID), Optional.empty(), Optional.empty(), TODAY).size());

        JsonNode second = reconcile(admin, csv);
        assertEquals(0, second.path("applied").asInt());
        assertEquals(2, second.path("alreadyApplied").asInt());
        assertEquals(problems(first), problems(second));
        assertEquals(3, lines(id, Set.of(LineStatus.PAID), Optional.empty(), Optional.empty(), TODAY).size());

        Http.Answer header = admin.postText("/api/admin/reconciliations?channel=post-office", "text/csv", "a,b\n1,2\n");
        assertEquals(header.body(), 400, header.status());
        assertEquals(403, citizen(DISTRICT).postText("/api/admin/reconciliations", "text/csv", csv).status());
        // the same file through the operator's shell changes nothing either
        java.nio.file.Path file = java.nio.file.Files.createTempFile("reconcile", ".csv");
        java.nio.file.Files.writeString(file, csv);
        String printed = shell("shebao:reconcile " + file);
        assertTrue(printed, printed.contains("0 applied, 2 already applied, 3 exceptions"));
    }

    private JsonNode reconcile(Http admin, String csv) {
        Http.Answer a = admin.postText("/api/admin/reconciliations?channel=post-office", "text/csv", csv);
        assertEquals(a.body(), 200, a.status());
        return a.json();
    }

    private static List<String> problems(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("exceptions").forEach(e -> out.add(e.path("line").asInt() + ":" + e.path("reason").asText()));
        return out;
    }

    @Test
    public void theDistrictOfficeResolvesItsExceptionsOnceAndAuditsThem() {
        Http post = channel();
        Http jiangan = BusinessPluginsIT.demo(port, "jiangan-admin");
        Http root = BusinessPluginsIT.demo(port, "admin");
        String id = payer(3);
        Slip wrong = slip(id, 1, TODAY);
        Slip right = slip(id, 2, TODAY);
        // the citizen paid the second slip's total against the first
        assertOutcome(post.post("/api/payments", report(wrong.voucherNo(), "1630.80", TODAY + "T09:30:00+08:00", ref())),
                201, "EXCEPTION", "AMOUNT_MISMATCH");
        JsonNode exception = find(jiangan.get("/api/admin/payment-exceptions").json(), wrong.voucherNo()).orElseThrow();
        long exceptionId = exception.path("id").asLong();
        assertEquals(DISTRICT, exception.path("district").asText());
        // another district's office does not see it
        Http hongshanAdmin = hongshanAdmin();
        assertEquals(404, hongshanAdmin.post("/api/admin/payment-exceptions/" + exceptionId + "/resolve",
                Map.of("action", "REFUNDED", "note", "x")).status());
        assertEquals(400, jiangan.post("/api/admin/payment-exceptions/" + exceptionId + "/resolve",
                Map.of("action", "APPLY_TO", "note", "转入")).status());
        Http.Answer applied = jiangan.post("/api/admin/payment-exceptions/" + exceptionId + "/resolve",
                Map.of("action", "APPLY_TO", "voucherNo", right.voucherNo(), "note", "缴费人误用凭单号，转入正确凭单"));
        assertEquals(applied.body(), 200, applied.status());
        assertEquals("APPLIED_TO", applied.json().path("resolution").asText());
        assertEquals("jiangan-admin", applied.json().path("resolvedBy").asText());
        assertEquals(SlipStatus.PAID, slips.slip(right.voucherNo()).orElseThrow().status());
        assertEquals(SlipStatus.ISSUED, slips.slip(wrong.voucherNo()).orElseThrow().status());
        assertEquals(409, jiangan.post("/api/admin/payment-exceptions/" + exceptionId + "/resolve",
                Map.of("action", "REFUNDED", "note", "again")).status());
        assertFalse(find(jiangan.get("/api/admin/payment-exceptions").json(), wrong.voucherNo()).isPresent());

        // an unknown voucher belongs to no district: the platform administrators refund it
        String unknown = "20261111111111111111";
        assertOutcome(post.post("/api/payments", report(unknown, "99.00", TODAY + "T09:30:00+08:00", ref())), 201,
                "EXCEPTION", "UNKNOWN_VOUCHER");
        assertFalse(find(jiangan.get("/api/admin/payment-exceptions").json(), unknown).isPresent());
        long unknownId = find(root.get("/api/admin/payment-exceptions").json(), unknown).orElseThrow().path("id").asLong();
        Http.Answer refunded = root.post("/api/admin/payment-exceptions/" + unknownId + "/resolve",
                Map.of("action", "REFUNDED", "note", "原路退回"));
        assertEquals(refunded.body(), "REFUNDED", refunded.json().path("resolution").asText());
    }

    private Http hongshanAdmin() {
        accounts.saveStaff("hongshan-admin-it", "洪山区管理员", "420111", org.shebao.api.account.Role.DISTRICT_ADMIN,
                Citizens.PASSWORD.toCharArray());
        Http http = new Http(port);
        http.login("hongshan-admin-it", Citizens.PASSWORD);
        return http;
    }

    private static Optional<JsonNode> find(JsonNode page, String voucher) {
        for (JsonNode item : page.path("items")) {
            if (voucher.equals(item.path("voucherNo").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
