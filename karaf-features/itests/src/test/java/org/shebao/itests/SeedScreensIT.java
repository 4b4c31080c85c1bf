package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.RecordsImport.ImportedLine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed's screens, faithfully, as the platform serves them: the pension tier required while 110 is chosen; a
 * photo with an enrolment goes to a human reviewer; the arrears query is run by 查询 and totals each type over all
 * pages; a decided task keeps the rows it was decided on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SeedScreensIT extends ContainerTest {

    private static final YearMonth NOW = YearMonth.from(LocalDate.parse(ShebaoContainer.TODAY));




    private static JsonNode field(JsonNode form, String name) {
        for (JsonNode f : form.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + form);
    }

    @Test
    public void thePensionTierIsRequiredWhile110IsChosen() {
        Http citizen = citizen("420102");
        JsonNode tier = field(citizen.get("/api/business-types/enrol/form").json(), "tier");
        assertEquals("types", tier.path("requiredWhen").path("field").asText());
        assertEquals("110", tier.path("requiredWhen").path("contains").asText());
        assertFalse(tier.path("required").asBoolean());
        Http.Answer without = citizen.post("/api/tasks", Map.of("businessType", "enrol", "data", Map.of("types", List.of("110", "310"),
                "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345670", "address", "武汉市江岸区 9 号")));
        assertEquals(400, without.status());
        assertEquals("tier", without.json().path("errors").get(0).path("field").asText());
        // 310 alone needs no tier
        assertEquals(201, citizen.post("/api/tasks", Map.of("businessType", "enrol", "data", Map.of("types", List.of("310"),
                "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345670", "address", "武汉市江岸区 9 号"))).status());
    }

    @Test
    public void aPhotoUploadedWithAnEnrolmentGoesToAHumanReviewerNotStraightIntoTheRecord() {
        Http citizen = citizen("420102");
        Http.Answer saved = citizen.post("/api/tasks", Map.of("businessType", "enrol", "data", Map.of("types", List.of("310"),
                "startMonth", NOW.toString(), "household", "LOCAL", "mobile", "13912345672", "address", "武汉市江岸区 10 号")));
        long id = saved.json().path("id").asLong();
        long photo = citizen.upload("/api/tasks/" + id + "/attachments", "me.png", "image/png", TaskFlowIT.png()).json().path("id").asLong();
        JsonNode waiting = BusinessPluginsIT.submitSaved(citizen, citizen.get("/api/tasks/" + id).json());
        assertEquals("SUBMITTED", waiting.path("state").asText());
        assertTrue(waiting.path("waitingForReviewer").asBoolean());
        assertTrue(records.person(citizen.me()).isEmpty());
        Http reviewer = BusinessPluginsIT.demo(port, "jiangan-reviewer");
        assertEquals("含新照片：请与身份档案核对后审批。", reviewer.get("/api/review/tasks/" + id).json().path("reviewNote").asText());
        assertEquals(200, reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", waiting.path("version").asLong())).status());
        assertEquals(Long.valueOf(photo), records.person(citizen.me()).orElseThrow().photoId());
    }

    @Test
    public void theArrearsQueryRunsOnQueryAndTotalsEachTypeOverAllPages() {
        Http wang = citizenWithRecord("420111");
        String id = wang.me();
        Rates r = rates.rates("420111", Year.of(2026));
        List<ImportedLine> arrears = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2026, 6)); m = m.plusMonths(1)) {
            for (InsuranceType type : InsuranceType.values()) {
                Integer tier = type == InsuranceType.PENSION ? 100 : null;
                arrears.add(new ImportedLine(type, m, r.base(type, tier), r.monthly(type, tier), LineStatus.ARREARS, tier, 2026));
            }
        }
        imports.importLines(id, arrears);
        JsonNode table = field(wang.get("/api/business-types/arrears-payment/form").json(), "arrears");
        assertTrue(table.path("queried").asBoolean());
        assertEquals("/api/plugins/arrears-payment/arrears", table.path("source").asText());
        JsonNode page = wang.get("/api/plugins/arrears-payment/arrears?insuranceType=310&page=1&size=5").json();
        assertEquals(5, page.path("items").size());
        // the totals are those of every page of the query, not of the page shown
        assertEquals(2, page.path("totals").size());
        assertEquals(6, page.path("totals").get(0).path("months").asInt());
        assertEquals("2446.20", page.path("totals").get(0).path("amount").asText());
        assertEquals("42.00", page.path("totals").get(1).path("amount").asText());
        assertNull(field(wang.get("/api/business-types/arrears-writeoff/form").json(), "lines").get("queried"));
    }
}
