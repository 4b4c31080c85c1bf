package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The enrolment, suspension, tier-change and information-change plugins over HTTP, from the form to the
 * records: approvals, returns with their reasons, a reviewer's decision, field errors that save nothing, and a
 * plugin's feature uninstalled and installed again while its task waits.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BusinessPluginsIT extends ContainerTest {

    static final String DEMO_PASSWORD = "Shebao#2026";
    private static final YearMonth NOW = YearMonth.from(LocalDate.parse(ShebaoContainer.TODAY));


    @Inject
    FeaturesService features;


    static Http demo(int port, String login) {
        Http http = new Http(port);
        Waits.until("demo login " + login, 60, () -> http.login(login, DEMO_PASSWORD).status() == 200);
        return http;
    }

    /** Saves and submits; returns the task once decided or waiting for a reviewer. */
    static JsonNode submit(Http http, String type, Map<String, Object> data) {
        Http.Answer saved = http.post("/api/tasks", Map.of("businessType", type, "data", data));
        assertEquals(saved.body(), 201, saved.status());
        return submitSaved(http, saved.json());
    }

    static JsonNode submitSaved(Http http, JsonNode saved) {
        long id = saved.path("id").asLong();
        Http.Answer submitted = http.post("/api/tasks/" + id + "/submit", Map.of("version", saved.path("version").asLong()));
        assertEquals(submitted.body(), 200, submitted.status());
        Waits.until("task " + id + " decided", 30, () -> {
            JsonNode t = http.get("/api/tasks/" + id).json();
            return t.path("state").asText().matches("APPROVED|RETURNED") || t.path("waitingForReviewer").asBoolean();
        });
        return http.get("/api/tasks/" + id).json();
    }

    private static List<String> menu(Http http) {
        List<String> ids = new ArrayList<>();
        http.get("/api/business-types").json().forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private static List<String> errorFields(Http.Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private Enrolment enrolment(String id, InsuranceType type) {
        return records.enrolment(id, type).orElseThrow();
    }

    @Test
    public void aNewCitizenEnrolsChangesTierSuspendsAndContinues() {
        Http citizen = citizen("420102");
        String id = citizen.me();
        assertTrue(menu(citizen).containsAll(List.of("enrol", "suspend", "tier-change", "info-change")));

        JsonNode form = citizen.get("/api/business-types/enrol/form").json();
        assertEquals(id, form.path("values").path("idNumber").asText());
        assertEquals("1990-01-01", form.path("values").path("birthDate").asText());
        JsonNode assessed = citizen.post("/api/business-types/enrol/assessment", Map.of("data",
                Map.of("types", List.of("110", "310"), "tier", "60", "startMonth", NOW.toString()))).json();
        assertEquals("815.40", assessed.path("pensionMonthly").asText());
        assertEquals("414.70", assessed.path("medicalMonthly").asText());
        assertEquals("1230.10", assessed.path("monthlyTotal").asText());

        Http.Answer bad = citizen.language("en").post("/api/tasks", Map.of("businessType", "enrol", "data",
                Map.of("types", List.of("110"), "tier", "65", "startMonth", NOW.minusMonths(1).toString(),
                        "household", "LOCAL", "mobile", "123", "address", "")));
        assertEquals(400, bad.status());
        assertEquals(List.of("startMonth", "tier", "mobile", "address"), errorFields(bad));
        assertTrue(bad.body(), bad.body().contains("The first month can only be this month or the next."));
        citizen.language("zh-CN");
        assertEquals(0, citizen.get("/api/tasks?list=history").json().path("total").asInt());

        JsonNode enrolled = submit(citizen, "enrol", Map.of("types", List.of("110", "310"), "tier", "60",
                "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345678", "address", "武汉市江岸区胜利街 1 号"));
        assertEquals(enrolled.toString(), "APPROVED", enrolled.path("state").asText());
        assertEquals("1230.10", enrolled.path("assessment").path("monthlyTotal").asText());
        assertEquals(Integer.valueOf(60), enrolment(id, InsuranceType.PENSION).tierPercent());
        assertEquals(EnrolmentStatus.PAYING, enrolment(id, InsuranceType.MEDICAL).status());
        assertEquals("13912345678", records.person(id).orElseThrow().contact().mobile());
        assertEquals(3, lines(id, java.util.Set.of(LineStatus.DUE), Optional.empty(), Optional.of(NOW),
                LocalDate.parse(ShebaoContainer.TODAY)).size());

        // already paying both: nothing left to enrol in
        Http.Answer again = citizen.post("/api/tasks", Map.of("businessType", "enrol", "data", Map.of("types", List.of("110"),
                "tier", "60", "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345678", "address", "x")));
        assertEquals(400, again.status());
        assertTrue(again.body(), again.body().contains("不能重复参保"));

        JsonNode tierForm = citizen.get("/api/business-types/tier-change/form").json();
        assertEquals("60%", tierForm.path("values").path("currentTier").asText());
        assertEquals(NOW.plusMonths(1).toString(), tierForm.path("values").path("effectiveFrom").asText());
        assertEquals("1359.00", citizen.post("/api/business-types/tier-change/assessment",
                Map.of("data", Map.of("tier", "100"))).json().path("newMonthly").asText());
        JsonNode changed = submit(citizen, "tier-change", Map.of("tier", "100"));
        assertEquals(changed.toString(), "APPROVED", changed.path("state").asText());
        assertEquals(Integer.valueOf(100), enrolment(id, InsuranceType.PENSION).tierPercent());
        Http.Answer second = citizen.post("/api/tasks", Map.of("businessType", "tier-change", "data", Map.of("tier", "150")));
        assertEquals(400, second.status());
        assertTrue(second.body(), second.body().contains("每个年度只能变更一次"));

        JsonNode suspended = submit(citizen, "suspend", Map.of("types", List.of("310")));
        assertEquals(suspended.toString(), "APPROVED", suspended.path("state").asText());
        assertEquals(EnrolmentStatus.SUSPENDED, enrolment(id, InsuranceType.MEDICAL).status());
        assertEquals(NOW, enrolment(id, InsuranceType.MEDICAL).payingUntil());
        assertEquals(EnrolmentStatus.PAYING, enrolment(id, InsuranceType.PENSION).status());

        JsonNode continued = submit(citizen, "enrol", Map.of("types", List.of("310"), "startMonth", NOW.plusMonths(1).toString(),
                "household", "LOCAL", "mobile", "13912345678", "address", "武汉市江岸区胜利街 1 号"));
        assertEquals(continued.toString(), "APPROVED", continued.path("state").asText());
        assertEquals(EnrolmentStatus.PAYING, enrolment(id, InsuranceType.MEDICAL).status());
        assertEquals(NOW.plusMonths(1), enrolment(id, InsuranceType.MEDICAL).payingFrom());
    }

    @Test
    public void aDistrictsFilingWindowRefusesSubmissionOutsideItButNotSaving() throws Exception {
        org.osgi.service.cm.Configuration row = configurations.createFactoryConfiguration("org.shebao.rates", "?");
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("district", "420116");
        props.put("year", "2026");
        props.put("pension.averageWage", "6795");
        props.put("pension.creditingRate", "0.0262");
        props.put("medical.base", "6795");
        props.put("filing.window.enabled", "true");
        props.put("filing.window.firstDay", "1");
        props.put("filing.window.lastDay", "10");
        props.put("filing.window.businesses", "enrol");
        row.update(props);
        try {
            Http citizen = citizen("420116");
            Waits.until("the window listed", 30, () -> citizen.get("/api/business-types").json().findValues("filingWindow").size() == 1);
            Http.Answer saved = citizen.post("/api/tasks", Map.of("businessType", "enrol", "data", Map.of("types", List.of("310"),
                    "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345672", "address", "武汉市黄陂区 1 号")));
            assertEquals(saved.body(), 201, saved.status());
            Http.Answer refused = citizen.post("/api/tasks/" + saved.json().path("id").asLong() + "/submit",
                    Map.of("version", saved.json().path("version").asLong()));
            assertEquals(409, refused.status());
            assertTrue(refused.body(), refused.body().contains("每月 1 日至 10 日"));
            assertEquals("DRAFT", citizen.get("/api/tasks/" + saved.json().path("id").asLong()).json().path("state").asText());
        } finally {
            row.delete();
        }
    }

    @Test
    public void anEnrolmentOverTheAgeLimitIsReturnedWithItsReason() {
        Http zhaoMin = demo(port, "420105197012010669");
        JsonNode returned = submit(zhaoMin, "enrol", Map.of("types", List.of("310"), "startMonth", NOW.toString(),
                "household", "LOCAL", "mobile", "13800000006", "address", "武汉市汉阳区汉阳大道 600 号"));
        assertEquals(returned.toString(), "RETURNED", returned.path("state").asText());
        assertTrue(returned.path("returned").asBoolean());
        assertEquals("您已 55 周岁，超过灵活就业人员参保年龄上限（55 周岁），不能参保。", returned.path("returnReason").asText());
        assertTrue(records.enrolments("420105197012010669").isEmpty());
        assertEquals(200, zhaoMin.post("/api/tasks/" + returned.path("id").asLong() + "/withdraw",
                Map.of("version", returned.path("version").asLong())).status());
    }

    @Test
    public void aNonLocalEnrolmentWaitsForTheDistrictReviewer() {
        Http citizen = citizen("420102");
        JsonNode waiting = submit(citizen, "enrol", Map.of("types", List.of("110"), "tier", "80", "startMonth",
                NOW.plusMonths(1).toString(), "household", "NON_LOCAL", "mobile", "13912345670", "address", "武汉市江岸区 2 号"));
        assertEquals("SUBMITTED", waiting.path("state").asText());
        assertTrue(waiting.path("waitingForReviewer").asBoolean());
        Http reviewer = demo(port, "jiangan-reviewer");
        Http.Answer approved = reviewer.post("/api/review/tasks/" + waiting.path("id").asLong() + "/approve",
                Map.of("version", waiting.path("version").asLong(), "comment", "居住证已核验"));
        assertEquals(approved.body(), 200, approved.status());
        assertEquals(Integer.valueOf(80), enrolment(citizen.me(), InsuranceType.PENSION).tierPercent());
        assertEquals(NOW.plusMonths(1), enrolment(citizen.me(), InsuranceType.PENSION).payingFrom());
    }

    @Test
    public void aSuspendedDemoCitizenContinues() {
        Http chenJie = demo(port, "420104197509090557");
        JsonNode form = chenJie.get("/api/business-types/enrol/form").json();
        assertEquals("80", form.path("values").path("tier").asText());
        JsonNode continued = submit(chenJie, "enrol", Map.of("types", List.of("110", "310"), "tier", "80",
                "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13800000005", "address", "武汉市硚口区中山大道 500 号"));
        assertEquals(continued.toString(), "APPROVED", continued.path("state").asText());
        for (InsuranceType type : List.of(InsuranceType.PENSION, InsuranceType.MEDICAL)) {
            Enrolment e = enrolment("420104197509090557", type);
            assertEquals(EnrolmentStatus.PAYING, e.status());
            assertEquals(YearMonth.of(2019, 1), e.start());
            assertEquals(NOW, e.payingFrom());
        }
    }

    @Test
    public void infoChangeIsAutomaticWithoutAPhotoAndReviewedWithOne() {
        Http liNa = demo(port, "420106198507220220");
        JsonNode form = liNa.get("/api/business-types/info-change/form").json();
        assertEquals("李娜", form.path("values").path("name").asText());
        assertEquals("13800000002", form.path("values").path("mobile").asText());
        List<String> readOnly = new ArrayList<>();
        form.path("fields").forEach(f -> {
            if (f.path("readOnly").asBoolean()) {
                readOnly.add(f.path("name").asText());
            }
        });
        assertEquals(List.of("name", "idNumber", "sex", "birthDate", "district"), readOnly);

        Http.Answer bad = liNa.post("/api/tasks", Map.of("businessType", "info-change", "data",
                Map.of("mobile", "1380000000", "address", "武汉市武昌区中北路 200 号")));
        assertEquals(400, bad.status());
        assertEquals(List.of("mobile"), errorFields(bad));

        JsonNode changed = submit(liNa, "info-change", Map.of("mobile", "13700000002", "address", "武汉市武昌区中北路 202 号",
                "email", "lina@example.cn", "name", "不会被改的名字"));
        assertEquals(changed.toString(), "APPROVED", changed.path("state").asText());
        assertEquals("13700000002", records.person("420106198507220220").orElseThrow().contact().mobile());
        assertEquals("李娜", records.person("420106198507220220").orElseThrow().name());

        Http.Answer saved = liNa.post("/api/tasks", Map.of("businessType", "info-change", "data",
                Map.of("mobile", "13700000002", "address", "武汉市武昌区中北路 202 号")));
        assertEquals(201, saved.status());
        long id = saved.json().path("id").asLong();
        long photo = liNa.upload("/api/tasks/" + id + "/attachments", "me.png", "image/png", TaskFlowIT.png()).json().path("id").asLong();
        JsonNode waiting = submitSaved(liNa, liNa.get("/api/tasks/" + id).json());
        assertTrue(waiting.path("waitingForReviewer").asBoolean());
        Http reviewer = demo(port, "wuchang-reviewer");
        assertEquals(200, reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", waiting.path("version").asLong())).status());
        assertEquals(Long.valueOf(photo), records.person("420106198507220220").orElseThrow().photoId());
    }

    @Test
    public void aPluginFeatureGoesAndComesBackWhileItsTaskWaits() throws Exception {
        Http citizen = citizen("420102");
        assertEquals(201, citizen.post("/api/tasks", Map.of("businessType", "enrol", "data", Map.of("types", List.of("110"),
                "tier", "60", "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345671",
                "address", "武汉市江岸区 3 号"))).status());
        JsonNode draft = citizen.get("/api/tasks?list=todo").json().path("items").get(0);
        // as an operator would (feature:uninstall -r): the platform's own bundles are not refreshed
        features.uninstallFeature("shebao-plugin-enrol", java.util.EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        try {
            Waits.until("enrol gone from the menu", 30, () -> !menu(citizen).contains("enrol"));
            assertTrue(menu(citizen).contains("suspend"));
            JsonNode kept = citizen.get("/api/tasks/" + draft.path("id").asLong()).json();
            assertEquals("DRAFT", kept.path("state").asText());
            assertEquals("增员(续保)", kept.path("businessName").asText());
            assertEquals(409, citizen.post("/api/tasks/" + draft.path("id").asLong() + "/submit",
                    Map.of("version", kept.path("version").asLong())).status());
        } finally {
            features.installFeature("shebao-plugin-enrol", java.util.EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        Waits.until("enrol back in the menu", 60, () -> menu(citizen).contains("enrol"));
        JsonNode approved = submitSaved(citizen, citizen.get("/api/tasks/" + draft.path("id").asLong()).json());
        assertEquals(approved.toString(), "APPROVED", approved.path("state").asText());
        assertFalse(records.enrolments(citizen.me()).isEmpty());
    }
}
