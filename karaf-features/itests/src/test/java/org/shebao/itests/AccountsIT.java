package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.shebao.api.account.Role;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.Person;
import org.shebao.api.records.ResidentId;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real accounts: a citizen on record registers herself (ID number, name and mobile must match; one vague refusal
 * otherwise); administrators keep staff accounts within their reach, handing out temporary passwords that must be
 * changed before anything else; a disabled account's sessions and streams end at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AccountsIT extends ContainerTest {

    private static final AtomicInteger NEXT = new AtomicInteger(700);

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource database;

    @Test
    public void aCitizenOnRecordRegistersWithHerIdNumberNameAndMobile() throws Exception {
        String id = Citizens.idNumber("420107", NEXT.getAndIncrement());
        imports.registerPerson(Person.of(new ResidentId(id), "周敏", "420107", Household.LOCAL,
                new Contact("13907100077", "武汉市青山区和平大道 1 号", null, null, null, null)));
        String strong = "青山区和平大道2026";
        Http anonymous = new Http(port);
        List<Http.Answer> refusals = new ArrayList<>();
        refusals.add(anonymous.post("/api/accounts", Map.of("idNumber", id, "name", "周明", "mobile", "13907100077", "password", strong)));
        refusals.add(anonymous.post("/api/accounts", Map.of("idNumber", id, "name", "周敏", "mobile", "13907100078", "password", strong)));
        refusals.add(anonymous.post("/api/accounts", Map.of("idNumber", Citizens.idNumber("420107", NEXT.getAndIncrement()),
                "name", "周敏", "mobile", "13907100077", "password", strong)));
        refusals.add(anonymous.post("/api/accounts", Map.of("idNumber", "x".repeat(5000), "name", "周敏", "mobile", "13907100077", "password", strong)));
        for (Http.Answer refused : refusals) {
            assertEquals(refused.body(), 400, refused.status());
            assertEquals("one answer whichever part is wrong", refusals.get(0).body(), refused.body());
        }
        assertTrue(refusals.get(0).body(), refusals.get(0).json().path("type").asText().endsWith("registration-refused"));
        assertTrue(refusals.get(0).json().path("detail").asText().contains("社保记录不符"));
        assertTrue(new Http(port).language("en").post("/api/accounts", Map.of("idNumber", id, "name", "x", "mobile", "1",
                "password", strong)).json().path("detail").asText().contains("does not match"));
        assertTrue("no account yet", accounts.find(id).isEmpty());

        Http.Answer weak = anonymous.post("/api/accounts", Map.of("idNumber", id, "name", "周敏", "mobile", "13907100077", "password", "qwertyuiop"));
        assertEquals(weak.body(), 400, weak.status());
        assertEquals("password", weak.json().path("errors").get(0).path("field").asText());
        Http.Answer missing = anonymous.post("/api/accounts", Map.of("idNumber", id));
        assertEquals(400, missing.status());
        assertEquals(3, missing.json().path("errors").size());
        assertTrue("still no account", accounts.find(id).isEmpty());

        Http.Answer made = anonymous.post("/api/accounts", Map.of("idNumber", id.toLowerCase(), "name", " 周敏 ", "mobile", "13907100077", "password", strong));
        assertEquals(made.body(), 201, made.status());
        assertEquals(id, made.json().path("idNumber").asText());
        assertEquals("420107", accounts.find(id).orElseThrow().district());
        assertTrue(accounts.find(id).orElseThrow().has(Role.CITIZEN));
        Http she = new Http(port);
        JsonNode me = she.login(id, strong).json();
        assertEquals("周敏", me.path("name").asText());
        assertFalse(me.path("mustChangePassword").asBoolean());
        assertEquals(200, she.get("/api/records/me").status());

        Http.Answer again = anonymous.post("/api/accounts", Map.of("idNumber", id, "name", "周敏", "mobile", "13907100077", "password", "另一个密码青山区2026"));
        assertEquals(again.body(), 409, again.status());
        she.login(id, strong); // the password stayed hers
        assertTrue(audit("REGISTRATION_REFUSED", id) >= 2);
        assertEquals(1, audit("REGISTERED", id));
    }

    @Test
    public void aDistrictAdministratorKeepsTheStaffOfTheirOwnDistrictOnly() throws Exception {
        String n = String.valueOf(NEXT.getAndIncrement());
        accounts.saveStaff("da-" + n, "江岸区管理员" + n, "420102", Role.DISTRICT_ADMIN, Citizens.PASSWORD.toCharArray());
        Http districtAdmin = new Http(port);
        districtAdmin.login("da-" + n, Citizens.PASSWORD);

        Http.Answer made = districtAdmin.post("/api/admin/accounts", Map.of("username", "rv-" + n, "name", "江岸区经办人" + n,
                "roles", List.of("REVIEWER"), "district", "420102"));
        assertEquals(made.body(), 201, made.status());
        String temporary = made.json().path("temporaryPassword").asText();
        assertEquals(12, temporary.length());
        assertEquals(403, districtAdmin.post("/api/admin/accounts", Map.of("username", "rv2-" + n, "name", "x",
                "roles", List.of("REVIEWER"), "district", "420111")).status());
        Http.Answer admin = districtAdmin.post("/api/admin/accounts", Map.of("username", "ad-" + n, "name", "x",
                "roles", List.of("ADMIN"), "district", "420102"));
        assertEquals(admin.body(), 403, admin.status());
        assertTrue(admin.json().path("type").asText().endsWith("role-forbidden"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("username", "A B", "name", "x", "roles", List.of("REVIEWER"), "district", "420102"),
                Map.of("username", "ok-" + n, "name", "x", "roles", List.of("CITIZEN"), "district", "420102"),
                Map.of("username", "ok-" + n, "name", "x", "roles", List.of(), "district", "420102"),
                Map.of("username", "ok-" + n, "name", "x".repeat(101), "roles", List.of("REVIEWER"), "district", "420102"),
                Map.of("username", "ok-" + n, "name", "x", "roles", List.of("REVIEWER"), "district", "999999"))) {
            Http.Answer refused = districtAdmin.post("/api/admin/accounts", bad);
            assertEquals(bad + " " + refused.body(), 400, refused.status());
        }
        assertEquals(400, districtAdmin.post("/api/admin/accounts", Map.of("username", "ok-" + n, "name", "x",
                "roles", List.of("SUPERUSER"), "district", "420102")).status());
        assertTrue(accounts.find("ok-" + n).isEmpty());
        assertEquals(409, districtAdmin.post("/api/admin/accounts", Map.of("username", "rv-" + n, "name", "x",
                "roles", List.of("REVIEWER"), "district", "420102")).status());

        JsonNode list = districtAdmin.get("/api/admin/accounts").json();
        List<String> seen = new ArrayList<>();
        list.forEach(a -> {
            assertEquals(a.toString(), "420102", a.path("district").asText());
            seen.add(a.path("username").asText());
        });
        assertTrue(seen.toString(), seen.contains("rv-" + n) && seen.contains("jiangan-reviewer") && !seen.contains("admin"));
        assertEquals(403, districtAdmin.get("/api/admin/accounts?district=420111").status());
        Http.Answer everyone = BusinessPluginsIT.demo(port, "admin").get("/api/admin/accounts");
        assertEquals(everyone.body(), 200, everyone.status());
        assertTrue(everyone.body(), everyone.body().contains("\"username\":\"hongshan-reviewer\"")
                && everyone.body().contains("\"username\":\"rv-" + n + "\"") && !everyone.body().contains("CITIZEN"));
        assertEquals(403, citizen("420102").get("/api/admin/accounts").status());
        assertEquals(404, districtAdmin.post("/api/admin/accounts/hongshan-reviewer/disable", null).status());
        assertEquals(404, districtAdmin.post("/api/admin/accounts/admin/reset-password", null).status());
        assertEquals(1, audit("ACCOUNT_CREATED", "rv-" + n));
    }

    @Test
    public void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
        String n = String.valueOf(NEXT.getAndIncrement());
        Http admin = BusinessPluginsIT.demo(port, "admin");
        Http.Answer made = admin.post("/api/admin/accounts", Map.of("username", "rv-" + n, "name", "经办人" + n,
                "roles", List.of("REVIEWER"), "district", "420111"));
        assertEquals(made.body(), 201, made.status());
        String temporary = made.json().path("temporaryPassword").asText();

        Http reviewer = new Http(port);
        assertTrue(reviewer.login("rv-" + n, temporary).json().path("mustChangePassword").asBoolean());
        Http.Answer held = reviewer.get("/api/review/tasks");
        assertEquals(held.body(), 403, held.status());
        assertTrue(held.json().path("type").asText().endsWith("password-change-required"));
        assertTrue(held.json().path("detail").asText().contains("临时密码"));
        assertTrue(reviewer.get("/api/me").json().path("mustChangePassword").asBoolean());
        assertEquals(403, reviewer.get("/api/districts").status());
        assertEquals(400, reviewer.put("/api/me/password", Map.of("current", temporary, "password", temporary)).status());

        String chosen = "汉阳门花园小区" + n + "号楼";
        assertEquals(204, reviewer.put("/api/me/password", Map.of("current", temporary, "password", chosen)).status());
        assertEquals(200, reviewer.get("/api/review/tasks").status());
        assertFalse(reviewer.get("/api/me").json().path("mustChangePassword").asBoolean());

        Http.Answer reset = admin.post("/api/admin/accounts/rv-" + n + "/reset-password", null);
        assertEquals(reset.body(), 200, reset.status());
        assertEquals("the reset ended its sessions", 401, reviewer.get("/api/me").status());
        assertEquals(401, new Http(port).post("/api/session", Map.of("idNumber", "rv-" + n, "password", chosen)).status());
        Http again = new Http(port);
        assertTrue(again.login("rv-" + n, reset.json().path("temporaryPassword").asText()).json().path("mustChangePassword").asBoolean());
        assertEquals(403, again.get("/api/review/tasks").status());
    }

    @Test
    public void aDisabledAccountLosesItsSessionsAndStreamsAtOnce() throws Exception {
        String n = String.valueOf(NEXT.getAndIncrement());
        accounts.saveStaff("rv-" + n, "经办人" + n, "420102", Role.REVIEWER, Citizens.PASSWORD.toCharArray());
        Http reviewer = new Http(port);
        reviewer.login("rv-" + n, Citizens.PASSWORD);
        AtomicInteger connected = new AtomicInteger();
        CompletableFuture<Void> stream = reviewer.events(line -> line.contains("connected") ? connected.incrementAndGet() > 0 : true);
        Waits.until("the reviewer's stream", 20, () -> connected.get() == 1);

        Http jiangan = BusinessPluginsIT.demo(port, "jiangan-admin");
        assertEquals(204, jiangan.post("/api/admin/accounts/rv-" + n + "/disable", null).status());
        assertEquals(401, reviewer.get("/api/me").status());
        Waits.until("the disabled account's stream closed", 10, stream::isDone);
        assertEquals(401, new Http(port).post("/api/session", Map.of("idNumber", "rv-" + n, "password", Citizens.PASSWORD)).status());
        JsonNode listed = jiangan.get("/api/admin/accounts?role=REVIEWER").json();
        List<Boolean> enabled = new ArrayList<>();
        listed.forEach(a -> {
            if (a.path("username").asText().equals("rv-" + n)) {
                enabled.add(a.path("enabled").asBoolean());
            }
        });
        assertEquals(List.of(false), enabled);

        assertEquals(409, jiangan.post("/api/admin/accounts/jiangan-admin/disable", null).status());
        assertEquals(204, jiangan.post("/api/admin/accounts/rv-" + n + "/enable", null).status());
        new Http(port).login("rv-" + n, Citizens.PASSWORD);
        assertEquals(1, audit("ACCOUNT_DISABLED", "rv-" + n));
        assertEquals(1, audit("ACCOUNT_ENABLED", "rv-" + n));
    }

    @Test
    public void theAuditTellsAdministratorsWhoDidWhatWithinTheirReach() {
        Http citizen = citizen("420106");
        String login = citizen.me();
        Http.Answer saved = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data", Map.of("name", "甲", "outcome", "approve")));
        assertEquals(saved.body(), 201, saved.status());
        long task = saved.json().path("id").asLong();
        Http.Answer report = citizen.post("/api/plugins/problem-report/reports", Map.of("businessType", "enrol",
                "description", "增员后一直没有收到审批结果。", "expectedBy", "2026-11-20"));
        assertEquals(report.body(), 201, report.status());
        Http reviewer = BusinessPluginsIT.demo(port, "wuchang-reviewer");
        assertEquals(200, reviewer.post("/api/plugins/problem-report/reports/" + report.json().path("id").asLong() + "/reply",
                Map.of("reply", "已核实，审批结果已发送。")).status());

        Http admin = BusinessPluginsIT.demo(port, "admin");
        JsonNode mine = admin.get("/api/admin/audit?actor=" + login).json();
        List<String> actions = new ArrayList<>();
        mine.path("items").forEach(e -> actions.add(e.path("action").asText() + " " + e.path("target").asText()));
        assertTrue(actions.toString(), actions.contains("TASK_CREATED task " + task) && actions.contains("LOGIN " + login));
        assertTrue(actions.toString(), actions.stream().anyMatch(a -> a.startsWith("PLUGIN_CALL POST /api/plugins/problem-report/reports")));
        JsonNode first = mine.path("items").get(0);
        assertEquals(login, first.path("actor").asText());
        assertEquals("420106", first.path("district").asText());
        assertTrue(first.path("at").asText(), first.path("at").asText().endsWith("+08:00"));
        JsonNode replies = admin.get("/api/admin/audit?actor=wuchang-reviewer&action=PLUGIN_CALL").json();
        assertTrue(replies.toString(), replies.path("items").get(0).path("target").asText().endsWith("/reply"));
        assertTrue(admin.get("/api/admin/audit?action=LOGIN&size=2").json().path("total").asLong() > 2);
        assertEquals(2, admin.get("/api/admin/audit?action=LOGIN&size=2").json().path("items").size());

        Http jiangan = BusinessPluginsIT.demo(port, "jiangan-admin");
        JsonNode own = jiangan.get("/api/admin/audit?size=100").json();
        own.path("items").forEach(e -> assertEquals(e.toString(), "420102", e.path("district").asText()));
        assertEquals(403, jiangan.get("/api/admin/audit?district=420106").status());
        assertEquals(403, citizen.get("/api/admin/audit").status());
        assertEquals(400, admin.get("/api/admin/audit?from=yesterday").status());
        assertEquals(0, admin.get("/api/admin/audit?actor=" + login + "&to=2020-01-01").json().path("total").asLong());
    }

    private int audit(String action, String target) {
        return Sql.count(database, "SELECT COUNT(*) FROM SB_AUDIT WHERE ACTION = ? AND TARGET = ?", action, target);
    }
}
