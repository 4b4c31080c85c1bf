package org.shebao.engine.internal.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

public class VouchersTest {

    @Test
    public void numbersAreTwentyDigitsUniqueAndCarryTheirCheckDigit() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String v = Vouchers.next(LocalDate.of(2026, 11, 15));
            assertTrue(v, v.matches("2026\\d{16}"));
            assertTrue(v, Vouchers.valid(v));
            assertTrue("duplicate " + v, seen.add(v));
        }
    }

    @Test
    public void aMistypedDigitIsCaught() {
        String v = Vouchers.next(LocalDate.of(2026, 1, 1));
        char c = v.charAt(10);
        String typo = v.substring(0, 10) + (char) ('0' + (c - '0' + 1) % 10) + v.substring(11);
        assertFalse(Vouchers.valid(typo));
        assertFalse(Vouchers.valid("2026"));
        // the Luhn sample: 7992739871 has check digit 3
        assertEquals(3, Vouchers.checkDigit("7992739871"));
    }
}
