package org.shebao.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;

import org.junit.Test;
import org.shebao.api.records.ResidentId;
import org.shebao.api.records.Sex;

public class ResidentIdTest {

    @Test
    public void acceptsTheStandardSampleAndTheDemoCitizens() {
        for (String id : new String[] {"11010519491231002X", "420102199003150117", "420106198507220220",
                "420111197811020334", "420103198205300445", "420104197509090557", "420105197012010669"}) {
            assertTrue(id, ResidentId.parse(id).isPresent());
        }
    }

    @Test
    public void readsBirthDateSexAndRegion() {
        ResidentId id = ResidentId.parse("11010519491231002x").orElseThrow();
        assertEquals("11010519491231002X", id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Sex.FEMALE, id.sex());
        assertEquals("110105", id.regionCode());
        assertEquals(Sex.MALE, ResidentId.parse("420102199003150117").orElseThrow().sex());
    }

    @Test
    public void refusesWrongCheckCharacterLengthDigitsAndDates() {
        for (String bad : new String[] {"110105194912310021", "11010519491231002", "11010519491231002XX",
                "1101051949123A002X", "42010219900230011X", null, "", "420102199013150110"}) {
            assertFalse(String.valueOf(bad), ResidentId.parse(bad).isPresent());
        }
    }

    @Test
    public void completesSeventeenDigitsWithTheirCheckCharacter() {
        assertEquals("11010519491231002X", ResidentId.withCheck("11010519491231002").value());
        assertEquals("420111197811020334", ResidentId.withCheck("42011119781102033").value());
        for (String bad : new String[] {"42011119781302033", "4201111978110203X", "4201111978110203", null}) {
            assertThrows(String.valueOf(bad), IllegalArgumentException.class, () -> ResidentId.withCheck(bad));
        }
    }
}
