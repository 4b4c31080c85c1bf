package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.shebao.api.ShebaoException;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.RecordsImport.PersonRecords;
import org.shebao.api.records.ResidentId;
import org.shebao.api.records.Sex;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bulk import ({@code RecordsImport.importAll}, batched statements): persons, enrolments and lines read back
 * through the records service as the entities' own writes would be; persons on record are left alone; one invalid
 * person refuses the whole call. {@code shebao:records-generate} loads synthetic persons through it, and one of them
 * opens an account and finds their paid months.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BulkImportIT extends ContainerTest {

    private static final YearMonth PAID = YearMonth.of(2025, 1);
    private static final YearMonth OWED = YearMonth.of(2026, 9);

    @Test
    public void personsEnrolmentsAndLinesAreWrittenInBulk() {
        String first = id("420113", 1);
        String second = id("420113", 2);
        int written = imports.importAll(List.of(records(first, "包一"), records(second, "包二")));
        assertEquals(6, written);
        assertEquals("包一", records.person(first).orElseThrow().name());
        Enrolment pension = records.enrolments(second).get(0);
        assertEquals(EnrolmentStatus.PAYING, pension.status());
        assertEquals(Integer.valueOf(100), pension.tierPercent());
        List<LedgerLine> lines = lines(second, EnumSet.allOf(LineStatus.class), Optional.empty(), Optional.empty(),
                LocalDate.of(2026, 12, 2));
        assertEquals(3, lines.size());
        LedgerLine paid = lines.stream().filter(l -> l.month().equals(PAID)).findFirst().orElseThrow();
        assertEquals(LineStatus.PAID, paid.status());
        assertEquals(new BigDecimal("1000.00"), paid.amount());
        assertEquals(LineStatus.ARREARS, lines.stream().filter(l -> l.month().equals(OWED)).findFirst().orElseThrow().status());
        assertTrue("a line at an earlier year's rates is provisional",
                lines.stream().filter(l -> l.month().equals(YearMonth.of(2026, 1))).findFirst().orElseThrow().provisional());

        assertEquals("a person on record is left as is", 0, imports.importAll(List.of(records(first, "别名"))));
        assertEquals("包一", records.person(first).orElseThrow().name());
    }

    @Test
    public void anInvalidPersonRefusesTheWholeCall() {
        String valid = id("420113", 3);
        ResidentId male = new ResidentId(id("420113", 5));
        Person wrong = new Person(male, "错性别", Sex.FEMALE, male.birthDate(), "420113", Household.LOCAL, Contact.NONE, null);
        try {
            imports.importAll(List.of(records(valid, "包三"), new PersonRecords(wrong, List.of(), List.of())));
            fail("refused");
        } catch (ShebaoException e) {
            assertEquals("person-mismatch", e.code());
        }
        assertFalse("nothing was written", records.person(valid).isPresent());
    }

    @Test
    public void generatedPersonsOpenAccountsAndFindTheirPaidMonths() throws Exception {
        String out = shell("shebao:records-generate --persons 13 --first 700000 --years 1 --sample 1");
        assertTrue(out, out.contains("Generated 13 persons, 468 ledger lines"));
        Matcher sample = Pattern.compile("sample (\\S+) (\\S+) (\\S+)").matcher(out);
        assertTrue(out, sample.find());
        Http person = new Http(port);
        String password = "批量导入的市民2026";
        Http.Answer opened = person.post("/api/accounts", Map.of("idNumber", sample.group(1), "name", sample.group(2),
                "mobile", sample.group(3), "password", password));
        assertEquals(opened.body(), 201, opened.status());
        assertEquals(200, person.login(sample.group(1), password).status());
        JsonNode me = person.get("/api/records/me").json();
        assertEquals(me.toString(), 12, me.path("summary").path("paidMonths").path("110").asInt());
        assertEquals("0.00", me.path("summary").path("arrears").asText());
    }

    private static PersonRecords records(String id, String name) {
        ResidentId resident = new ResidentId(id);
        Person person = Person.of(resident, name, "420113", Household.LOCAL, Contact.NONE);
        Enrolment pension = new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 100, PAID, PAID, null, null);
        BigDecimal base = new BigDecimal("5000");
        return new PersonRecords(person, List.of(pension), List.of(
                new ImportedLine(InsuranceType.PENSION, PAID, base, new BigDecimal("1000"), LineStatus.PAID, 100, 2025),
                new ImportedLine(InsuranceType.PENSION, YearMonth.of(2026, 1), base, new BigDecimal("1000"), LineStatus.PAID, 100, 2025),
                new ImportedLine(InsuranceType.PENSION, OWED, base, new BigDecimal("1000"), LineStatus.ARREARS, 100, 2026)));
    }

    /** An ID of the district born 1977-07-07, apart from the other tests' citizens. */
    private static String id(String district, int sequence) {
        String body = district + "19770707" + String.format("%03d", 700 + sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
