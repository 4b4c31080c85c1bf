package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every business the running distribution offers has a well-formed form, as citizens meet it: each label, option
 * and column named in Chinese and in English (never a raw key, no Chinese in English), each table's source answering, and an empty
 * submission refused naming every required field and only fields of the form. Asked as a citizen without a record
 * (the enrolment's form) and as 王强 (enrolled, with arrears), so that every shipped business is seen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FormWellFormedIT extends ContainerTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern KEY = Pattern.compile("^[a-z]+(\\.[A-Za-z0-9-]+)+$");
    private static final String WANG_QIANG = "420111197811020334";

    @Test
    public void everyOfferedBusinessHasAWellFormedForm() {
        Set<String> seen = new TreeSet<>();
        for (Http citizen : List.of(citizen("420102"), BusinessPluginsIT.demo(port, WANG_QIANG))) {
            for (JsonNode type : citizen.get("/api/business-types").json()) {
                String id = type.path("id").asText();
                if (id.startsWith("it-")) {
                    continue; // the tests' own fixtures, not shipped
                }
                seen.add(id);
                JsonNode zh = form(citizen.language("zh-CN"), id);
                JsonNode en = form(citizen.language("en"), id);
                citizen.language("zh-CN");
                assertEquals(id, zh.path("fields").size(), en.path("fields").size());
                for (int i = 0; i < zh.path("fields").size(); i++) {
                    JsonNode field = zh.path("fields").get(i);
                    String where = id + "." + field.path("name").asText();
                    labelled(where, field, en.path("fields").get(i));
                    if ("TABLE".equals(field.path("type").asText())) {
                        Http.Answer rows = citizen.get(field.path("source").asText());
                        assertEquals(where + " source " + field.path("source").asText() + ": " + rows.body(), 200, rows.status());
                    }
                }
                refusedEmpty(citizen, id, zh);
            }
        }
        // every shipped citizen business, whatever the district's switches
        assertTrue(seen.toString(), seen.containsAll(Set.of("enrol", "suspend", "tier-change", "info-change",
                "arrears-payment", "arrears-writeoff", "gap-payment")));
    }

    private static JsonNode form(Http http, String id) {
        Http.Answer form = http.get("/api/business-types/" + id + "/form");
        assertEquals(id + ": " + form.body(), 200, form.status());
        return form.json();
    }

    /** The field, its options and its columns, in Chinese (with Han characters) and English (without), no keys. */
    private static void labelled(String where, JsonNode zh, JsonNode en) {
        assertText(where, zh.path("label").asText(), en.path("label").asText());
        for (int i = 0; i < zh.path("options").size(); i++) {
            assertText(where + " option " + zh.path("options").get(i).path("value").asText(),
                    zh.path("options").get(i).path("label").asText(), en.path("options").get(i).path("label").asText());
        }
        for (int i = 0; i < zh.path("columns").size(); i++) {
            assertText(where + " column " + zh.path("columns").get(i).path("name").asText(),
                    zh.path("columns").get(i).path("label").asText(), en.path("columns").get(i).path("label").asText());
        }
    }

    private static void assertText(String where, String zh, String en) {
        assertFalse(where + " has no label", zh.isBlank() || en.isBlank());
        assertFalse(where + " shows a key: " + zh + " / " + en, KEY.matcher(zh).matches() || KEY.matcher(en).matches());
        // words are Chinese in Chinese ("60%" is both)
        assertTrue(where + " in Chinese: " + zh, CJK.matcher(zh).find() || !zh.matches(".*\\p{L}.*"));
        assertFalse(where + " in English: " + en, CJK.matcher(en).find());
    }

    /** An empty submission is refused naming each required field, and only fields the form has. */
    private static void refusedEmpty(Http citizen, String id, JsonNode form) {
        Set<String> names = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (JsonNode f : form.path("fields")) {
            names.add(f.path("name").asText());
            if (f.path("required").asBoolean() && !f.path("readOnly").asBoolean() && f.path("requiredWhen").isMissingNode()
                    && !form.path("values").has(f.path("name").asText())) {
                required.add(f.path("name").asText());
            }
        }
        Http.Answer empty = citizen.post("/api/tasks", Map.of("businessType", id, "data", Map.of()));
        if (empty.status() == 201) {
            assertTrue(id + " accepted an empty form but requires " + required, required.isEmpty());
            JsonNode saved = empty.json();
            citizen.post("/api/tasks/" + saved.path("id").asLong() + "/withdraw", Map.of("version", saved.path("version").asLong()));
            return;
        }
        assertEquals(id + ": " + empty.body(), 400, empty.status());
        List<String> errors = new ArrayList<>();
        empty.json().path("errors").forEach(e -> errors.add(e.path("field").asText()));
        assertTrue(id + " names fields it does not have: " + errors + " not in " + names, names.containsAll(errors));
        assertTrue(id + " does not name every required field: " + required + " vs " + errors, errors.containsAll(required));
    }
}
