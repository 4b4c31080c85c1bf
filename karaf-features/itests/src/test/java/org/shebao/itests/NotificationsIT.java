package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.shebao.api.i18n.Text;
import org.shebao.api.notify.Delivery;
import org.shebao.api.notify.NotificationKind;
import org.shebao.api.notify.Notifications;
import org.shebao.api.notify.Notifier;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.Slip;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each inbox kind written where it happens (decisions, a referral, a payment, a certificate, the ledger job's slip
 * reminder, a problem report's answer), in the reader's language, live over server-sent events, read only by its
 * owner; and a notifier's delivery tried again after a failure, then given up after 24 hours.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class NotificationsIT extends ContainerTest {

    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);

    @Inject
    BundleContext context;

    @Inject
    Notifications notifications;

    @Inject
    java.time.Clock clock;

    /** The caller's inbox entries, newest first. */
    static List<JsonNode> inbox(Http http, boolean unreadOnly) {
        List<JsonNode> out = new ArrayList<>();
        http.get("/api/notifications?size=100" + (unreadOnly ? "&unread=true" : "")).json().path("items").forEach(out::add);
        return out;
    }

    static long unread(Http http) {
        return http.get("/api/notifications?unread=true&size=1").json().path("total").asLong();
    }

    private static Optional<JsonNode> entry(Http http, String kind, String link) {
        return inbox(http, false).stream().filter(n -> n.path("kind").asText().equals(kind)
                && link.equals(n.path("link").asText(null))).findFirst();
    }

    @Test
    public void decisionsAreToldToTheCitizenInTheirLanguageAndLive() {
        Http citizen = citizen("420102");
        assertEquals(0, unread(citizen));
        AtomicInteger heard = new AtomicInteger();
        AtomicBoolean connected = new AtomicBoolean();
        CompletableFuture<Void> stream = citizen.events(line -> {
            if (line.contains("connected")) {
                connected.set(true);
            }
            if (line.startsWith("event:notification") || line.startsWith("event: notification")) {
                heard.incrementAndGet();
            }
            return heard.get() < 2;
        });
        Waits.until("the event stream", 20, connected::get);

        long approved = citizen.post("/api/tasks", TaskFlowIT.task("approve")).json().path("id").asLong();
        submit(citizen, approved);
        TaskFlowIT.awaitState(citizen, approved, "APPROVED");
        Waits.until("the approval in the inbox", 20, () -> entry(citizen, "TASK_APPROVED", "#/task/" + approved).isPresent());
        JsonNode told = entry(citizen, "TASK_APPROVED", "#/task/" + approved).orElseThrow();
        assertTrue(told.toString(), told.path("text").asText().contains("已审核通过")
                && told.path("text").asText().contains(String.valueOf(approved)));
        assertFalse(told.path("read").asBoolean());

        long returned = citizen.post("/api/tasks", TaskFlowIT.task("return")).json().path("id").asLong();
        // the owner has one open task of a business at a time: the approved one is closed, so this one may be sent
        submit(citizen, returned);
        TaskFlowIT.awaitState(citizen, returned, "RETURNED");
        Waits.until("the return in the inbox", 20, () -> entry(citizen, "TASK_RETURNED", "#/task/" + returned).isPresent());
        String reason = citizen.get("/api/tasks/" + returned).json().path("returnReason").asText();
        assertTrue(entry(citizen, "TASK_RETURNED", "#/task/" + returned).orElseThrow().path("text").asText().contains(reason));
        // the same entry in English for a reader in English
        JsonNode english = entry(citizen.language("en"), "TASK_RETURNED", "#/task/" + returned).orElseThrow();
        citizen.language("zh-CN");
        assertTrue(english.toString(), english.path("text").asText().startsWith("Your “")
                && english.path("text").asText().contains("was returned"));
        Waits.until("both heard live", 20, () -> heard.get() >= 2);
        assertEquals(2, unread(citizen));
        stream.cancel(true);
    }

    @Test
    public void aReferralIsToldToTheDistrictsReviewersOnly() {
        Http citizen = citizen("420102");
        Http reviewer = BusinessPluginsIT.demo(port, "jiangan-reviewer");
        Http outsider = BusinessPluginsIT.demo(port, "hongshan-reviewer");
        long id = citizen.post("/api/tasks", TaskFlowIT.task("human")).json().path("id").asLong();
        submit(citizen, id);
        Waits.until("the referral in the reviewer's inbox", 30, () -> entry(reviewer, "TASK_REFERRED", "#/review/" + id).isPresent());
        assertTrue(entry(reviewer, "TASK_REFERRED", "#/review/" + id).orElseThrow().path("text").asText().contains("请人工审核"));
        assertTrue(entry(outsider, "TASK_REFERRED", "#/review/" + id).isEmpty());
        assertTrue(inbox(citizen, false).stream().noneMatch(n -> n.path("kind").asText().equals("TASK_REFERRED")));
    }

    @Test
    public void onlyTheOwnerReadsAndMarksEntries() {
        Http citizen = citizen("420111");
        Http other = citizen("420111");
        long first = notifications.post(citizen.me(), NotificationKind.CERTIFICATE_ISSUED, Text.literal("一"), "#/records");
        notifications.post(citizen.me(), NotificationKind.CERTIFICATE_ISSUED, Text.literal("二"), null);
        Waits.until("two unread", 10, () -> unread(citizen) == 2);
        List<JsonNode> entries = inbox(citizen, false);
        assertEquals("newest first", "二", entries.get(0).path("text").asText());
        assertTrue(entries.get(0).path("link").isMissingNode() || entries.get(0).path("link").isNull());

        assertEquals(404, other.post("/api/notifications/" + first + "/read", Map.of()).status());
        assertEquals(404, other.post("/api/notifications/999999999/read", Map.of()).status());
        assertEquals(0, inbox(other, false).size());
        assertEquals(2, unread(citizen));
        assertEquals(204, citizen.post("/api/notifications/" + first + "/read", Map.of()).status());
        assertEquals(204, citizen.post("/api/notifications/" + first + "/read", Map.of()).status());
        assertEquals(1, unread(citizen));
        assertEquals(List.of("二"), inbox(citizen, true).stream().map(n -> n.path("text").asText()).toList());
        assertEquals(204, citizen.post("/api/notifications/read", Map.of()).status());
        assertEquals(0, unread(citizen));
        assertEquals(2, inbox(citizen, false).size());
        assertEquals(401, new Http(port).get("/api/notifications").status());
    }

    @Test
    public void paymentsCertificatesAndExpiringSlipsAreTold() throws Exception {
        Http citizen = citizenWithRecord("420102");
        String id = citizen.me();
        Rates r = rates.rates("420102", Year.of(2026));
        List<ImportedLine> lines = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            lines.add(new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, m), r.pensionBase(60), r.pensionMonthly(60),
                    LineStatus.PAYABLE));
        }
        imports.importLines(id, lines);
        List<Long> payable = records.lines(id, org.shebao.api.records.LineQuery.in(LineStatus.PAYABLE), TODAY).stream()
                .map(LedgerLine::id).toList();

        // a slip paid at the post office
        Slip paid = slips.issue(id, payable.subList(0, 1), TODAY);
        Http post = BusinessPluginsIT.demo(port, "post-office");
        assertEquals(201, post.post("/api/payments", Map.of("voucherNo", paid.voucherNo(), "amount", paid.total().toPlainString(),
                "paidAt", TODAY + "T09:00:00+08:00", "channelRef", "PO-" + java.util.UUID.randomUUID())).status());
        JsonNode applied = inbox(citizen, false).stream().filter(n -> n.path("kind").asText().equals("PAYMENT_APPLIED"))
                .findFirst().orElseThrow();
        assertTrue(applied.toString(), applied.path("text").asText().contains(paid.voucherNo())
                && applied.path("text").asText().contains(paid.total().setScale(2).toPlainString()));

        // a certificate of the paid month
        Http.Answer certificate = citizen.post("/api/certificates", Map.of());
        assertEquals(certificate.body(), 201, certificate.status());
        String code = certificate.json().path("code").asText();
        assertTrue(inbox(citizen, false).stream().anyMatch(n -> n.path("kind").asText().equals("CERTIFICATE_ISSUED")
                && n.path("text").asText().contains(code)));

        // slips whose validity ends in 2 days (reminded: 3 days left, today counting) and in 3 (not yet)
        Slip probe = slips.issue(id, payable.subList(1, 2), TODAY);
        long validity = probe.validUntil().toEpochDay() - probe.issuedOn().toEpochDay();
        slips.cancel(probe.voucherNo(), "jiangan-admin", TODAY);
        Slip expiring = slips.issue(id, payable.subList(1, 2), TODAY.plusDays(2).minusDays(validity));
        Slip later = slips.issue(id, payable.subList(2, 3), TODAY.plusDays(3).minusDays(validity));
        assertEquals(TODAY.plusDays(2), expiring.validUntil());
        shell("shebao:ledger-run");
        String again = shell("shebao:ledger-run");
        assertTrue(again, again.contains("0 slips reminded"));
        List<JsonNode> reminders = inbox(citizen, false).stream().filter(n -> n.path("kind").asText().equals("SLIP_EXPIRING")).toList();
        assertEquals(reminders.toString(), 1, reminders.size());
        assertTrue(reminders.get(0).path("text").asText().contains(expiring.voucherNo()));
        assertTrue(reminders.get(0).path("text").asText().contains(TODAY.plusDays(2).toString()));
        assertFalse(reminders.toString().contains(later.voucherNo()));
    }

    @Test
    public void anAnsweredProblemReportIsTold() {
        Http citizen = citizen("420106");
        Http reviewer = BusinessPluginsIT.demo(port, "wuchang-reviewer");
        String base = "/api/plugins/problem-report";
        long id = citizen.post(base + "/reports", Map.of("businessType", "arrears-payment",
                "description", "缴费凭单已过期但银行仍显示待缴费，请核实。", "expectedBy", "2026-11-20")).json().path("id").asLong();
        assertEquals(200, reviewer.post(base + "/reports/" + id + "/reply", Map.of("reply", "已核实，请重新生成凭单。")).status());
        JsonNode told = inbox(citizen, false).stream().filter(n -> n.path("kind").asText().equals("REPORT_ANSWERED"))
                .findFirst().orElseThrow();
        assertTrue(told.toString(), told.path("text").asText().contains("已核实，请重新生成凭单。"));
        assertEquals("#/entry/problem-report-query", told.path("link").asText());
    }

    /** A notifier failing the first attempts of each entry, then delivering; what it was handed, by entry. */
    private static final class FlakyNotifier implements Notifier {
        private final String name;
        private final int failures;
        private final List<Delivery> attempts = new CopyOnWriteArrayList<>();
        private final List<Delivery> delivered = new CopyOnWriteArrayList<>();

        FlakyNotifier(String name, int failures) {
            this.name = name;
            this.failures = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(Delivery delivery) throws Exception {
            attempts.add(delivery);
            if (delivery.attempt() <= failures) {
                throw new java.io.IOException("SMS gateway unreachable");
            }
            delivered.add(delivery);
        }

        List<Delivery> attempts(long id) {
            return attempts.stream().filter(d -> d.id() == id).toList();
        }

        List<Delivery> delivered(long id) {
            return delivered.stream().filter(d -> d.id() == id).toList();
        }
    }

    @Test
    public void aFailingNotifierIsTriedAgainLaterAndGivenUpAfterADay() throws Exception {
        // no timed pass during the test: the shell's passes are the ones that try again
        Configuration config = configurations.getConfiguration("org.shebao.notifications", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("retrySeconds", "3600");
        config.update(props);
        FlakyNotifier once = new FlakyNotifier("it-sms-once", 1);
        FlakyNotifier never = new FlakyNotifier("it-sms-never", Integer.MAX_VALUE);
        ServiceRegistration<Notifier> r1 = context.registerService(Notifier.class, once, null);
        ServiceRegistration<Notifier> r2 = context.registerService(Notifier.class, never, null);
        Http citizen = citizen("420102");
        String login = citizen.me();
        citizen.language("en").get("/api/me"); // the console in English from now on
        try {
            Thread.sleep(2_000); // the deliveries component restarts with the configuration
            long id = notifications.post(login, NotificationKind.CERTIFICATE_ISSUED,
                    locale -> "en".equals(locale.getLanguage()) ? "issued" : "已开具", "#/records");
            Waits.until("the first attempts", 20, () -> once.attempts(id).size() == 1 && never.attempts(id).size() == 1);
            Delivery first = once.attempts(id).get(0);
            assertEquals(login, first.recipient());
            assertEquals(NotificationKind.CERTIFICATE_ISSUED, first.kind());
            assertEquals("in the language the person last used", "issued", first.text());
            assertEquals("en", first.language().getLanguage());
            assertEquals("#/records", first.link());
            assertEquals(1, first.attempt());
            assertEquals("the inbox entry stands", 1, unread(citizen));
            shell("shebao:notifications-deliver");
            assertEquals("not due again before a minute", 1, once.attempts(id).size());

            PinnedClock.at(configurations, clock, LocalDateTime.now(clock).plusMinutes(2));
            String retried = shell("shebao:notifications-deliver");
            assertTrue(retried, retried.matches("(?s)delivered [1-9].*"));
            assertEquals(2, once.delivered(id).get(0).attempt());
            assertEquals(2, never.attempts(id).size());

            PinnedClock.at(configurations, clock, LocalDateTime.now(clock).plusHours(25));
            String gaveUp = shell("shebao:notifications-deliver");
            assertTrue(gaveUp, gaveUp.matches("(?s).*given up [1-9].*"));
            assertEquals(3, never.attempts(id).size());
            PinnedClock.at(configurations, clock, LocalDateTime.now(clock).plusHours(2));
            shell("shebao:notifications-deliver");
            assertEquals("given up: never tried again", 3, never.attempts(id).size());
            assertEquals("delivered: never again", 2, once.attempts(id).size());
        } finally {
            r1.unregister();
            r2.unregister();
            config.delete();
            PinnedClock.at(configurations, clock, TODAY).close();
        }
    }

    private static void submit(Http citizen, long id) {
        long version = citizen.get("/api/tasks/" + id).json().path("version").asLong();
        assertEquals(200, citizen.post("/api/tasks/" + id + "/submit", Map.of("version", version)).status());
    }

}
