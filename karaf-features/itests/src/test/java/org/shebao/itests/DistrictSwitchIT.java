package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.SlipStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A district's switch is enforced by the server at every entry point, not only by the menu: while a business is
 * switched off for 江岸区, edit and submit answer 409, submitted tasks wait and are decided once it is on again,
 * reviewers' decisions answer 409, the plugin's own endpoints refuse changes (a slip, a problem report) for callers
 * of that district; reading and withdrawing keep working, and a slip issued before is still paid.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DistrictSwitchIT extends ContainerTest {

    private static final String DISTRICT = "420102";
    private static final LocalDate TODAY = LocalDate.parse(ShebaoContainer.TODAY);





    private void switchTo(Http districtAdmin, String plugin, boolean on) {
        Http.Answer answer = districtAdmin.put("/api/admin/districts/" + DISTRICT + "/plugins/" + plugin, Map.of("enabled", on));
        assertEquals(answer.body(), 200, answer.status());
    }

    private void reviewDelay(int seconds) throws Exception {
        org.osgi.service.cm.Configuration config = configurations.getConfiguration("org.shebao.review", "?");
        Dictionary<String, Object> properties = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        properties.put("delaySeconds", seconds);
        config.update(properties);
        Thread.sleep(500);
    }

    private static void assertDisabled(Http.Answer answer) {
        assertEquals(answer.body(), 409, answer.status());
        assertEquals("urn:shebao:problem:business-disabled", answer.json().path("type").asText());
    }

    @Test
    public void tasksWaitAndEveryChangeIsRefusedWhileTheBusinessIsOffForTheDistrict() throws Exception {
        Http admin = BusinessPluginsIT.demo(port, "jiangan-admin");
        Http reviewer = BusinessPluginsIT.demo(port, "jiangan-reviewer");
        Http drafter = citizen(DISTRICT);
        Http waiter = citizen(DISTRICT);
        Http referred = citizen(DISTRICT);
        Http elsewhere = citizen("420111");

        JsonNode draft = drafter.post("/api/tasks", TaskFlowIT.task("approve")).json();
        JsonNode toReviewer = BusinessPluginsIT.submit(referred, "it-probe", Map.of("name", "甲", "outcome", "human"));
        assertTrue(toReviewer.path("waitingForReviewer").asBoolean());
        JsonNode pending;
        reviewDelay(3);
        try {
            JsonNode saved = waiter.post("/api/tasks", TaskFlowIT.task("approve")).json();
            pending = waiter.post("/api/tasks/" + saved.path("id").asLong() + "/submit",
                    Map.of("version", saved.path("version").asLong())).json();
            switchTo(admin, "it-probe", false);
        } finally {
            reviewDelay(0);
        }
        long draftId = draft.path("id").asLong();
        long pendingId = pending.path("id").asLong();
        long referredId = toReviewer.path("id").asLong();
        try {
            // the citizen's edit and submit
            assertDisabled(drafter.put("/api/tasks/" + draftId, Map.of("version", draft.path("version").asLong(),
                    "data", Map.of("name", "乙", "outcome", "approve"))));
            assertDisabled(drafter.post("/api/tasks/" + draftId + "/submit", Map.of("version", draft.path("version").asLong())));
            assertEquals("甲", drafter.get("/api/tasks/" + draftId).json().path("data").path("name").asText());
            // the automatic decision waits, as when the plugin is absent
            Thread.sleep(5000);
            assertEquals("SUBMITTED", waiter.get("/api/tasks/" + pendingId).json().path("state").asText());
            // reviewers' decisions
            long version = reviewer.get("/api/review/tasks/" + referredId).json().path("task").path("version").asLong();
            assertDisabled(reviewer.post("/api/review/tasks/" + referredId + "/approve", Map.of("version", version)));
            assertDisabled(reviewer.post("/api/review/tasks/" + referredId + "/return", Map.of("version", version, "reason", "x")));
            assertEquals("SUBMITTED", referred.get("/api/tasks/" + referredId).json().path("state").asText());
            // another district goes on as before
            JsonNode other = BusinessPluginsIT.submit(elsewhere, "it-probe", Map.of("name", "甲", "outcome", "approve"));
            assertEquals("APPROVED", other.path("state").asText());
            // reading and withdrawing keep working
            assertEquals(200, drafter.get("/api/tasks/" + draftId).status());
            assertEquals(200, drafter.get("/api/business-types/it-probe/form").status());
            Http.Answer withdrawn = drafter.post("/api/tasks/" + draftId + "/withdraw", Map.of("version", draft.path("version").asLong()));
            assertEquals(withdrawn.body(), 200, withdrawn.status());
        } finally {
            switchTo(admin, "it-probe", true);
        }
        // switched on again: the waiting task is decided, the reviewer decides
        TaskFlowIT.awaitState(waiter, pendingId, "APPROVED");
        long version = reviewer.get("/api/review/tasks/" + referredId).json().path("task").path("version").asLong();
        assertEquals(200, reviewer.post("/api/review/tasks/" + referredId + "/approve", Map.of("version", version)).status());
    }

    @Test
    public void aPluginsOwnEndpointsRefuseChangesForTheDistrictButPaymentsOfIssuedSlipsApply() {
        Http admin = BusinessPluginsIT.demo(port, "jiangan-admin");
        Http citizen = citizenWithRecord(DISTRICT);
        String id = citizen.me();
        Rates r = rates.rates(DISTRICT, Year.of(2026));
        imports.importLines(id, List.of(
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 1), r.pensionBase(60), r.pensionMonthly(60), LineStatus.PAYABLE),
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 2), r.pensionBase(60), r.pensionMonthly(60), LineStatus.PAYABLE)));
        List<Long> lines = lines(id, Set.of(LineStatus.PAYABLE), Optional.empty(), Optional.empty(), TODAY).stream()
                .map(LedgerLine::id).toList();
        Http.Answer before = citizen.post("/api/plugins/arrears-payment/slips", Map.of("lines", List.of(lines.get(0))));
        assertEquals(before.body(), 201, before.status());
        String voucher = before.json().path("voucherNo").asText();

        switchTo(admin, "arrears-payment", false);
        switchTo(admin, "problem-report", false);
        try {
            assertDisabled(citizen.post("/api/plugins/arrears-payment/slips", Map.of("lines", List.of(lines.get(1)))));
            assertDisabled(citizen.language("en").post("/api/plugins/problem-report/reports", Map.of("businessType", "enrol",
                    "description", "页面打不开，无法提交增员业务。", "expectedBy", ShebaoContainer.TODAY)));
            // nothing changed, and reading stays open
            assertEquals(LineStatus.PAYABLE, lines(id, Set.of(LineStatus.PAYABLE), Optional.empty(), Optional.empty(),
                    TODAY).get(0).status());
            assertEquals(200, citizen.get("/api/plugins/arrears-payment/slips").status());
            assertEquals(200, citizen.get("/api/plugins/arrears-payment/slips/" + voucher + ".xlsx").status());
            assertEquals(200, citizen.get("/api/plugins/problem-report/reports").status());
            // a citizen of another district is served as usual
            assertEquals(400, citizen("420111").post("/api/plugins/problem-report/reports", Map.of()).status());
            // the slip issued before is still paid at the post office
            assertEquals(SlipStatus.PAID, slips.recordPayment(voucher, "POST-SWITCH-1", TODAY).status());
        } finally {
            switchTo(admin, "arrears-payment", true);
            switchTo(admin, "problem-report", true);
        }
        Http.Answer after = citizen.post("/api/plugins/arrears-payment/slips", Map.of("lines", List.of(lines.get(1))));
        assertEquals(after.body(), 201, after.status());
    }
}
