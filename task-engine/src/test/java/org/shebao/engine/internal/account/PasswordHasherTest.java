package org.shebao.engine.internal.account;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Stored hashes, and the one that no password matches (what an unknown login is checked against). */
public class PasswordHasherTest {

    private static final int WORK = 1_000;

    @Test
    public void aHashMatchesItsPasswordOnly() {
        String stored = PasswordHasher.hash("Shebao#2026".toCharArray(), WORK);
        assertTrue(PasswordHasher.matches("Shebao#2026".toCharArray(), stored));
        assertFalse(PasswordHasher.matches("Shebao#2027".toCharArray(), stored));
        assertNotEquals("each hash has its own salt", stored, PasswordHasher.hash("Shebao#2026".toCharArray(), WORK));
    }

    @Test
    public void theUnmatchableHashIsCheckedAtTheSameWorkAndMatchesNothing() {
        String dummy = PasswordHasher.unmatchable(WORK);
        assertTrue(dummy.startsWith("pbkdf2-sha256$1000$"));
        assertFalse("the same work factor as a stored hash", PasswordHasher.weakerThan(dummy, WORK));
        assertTrue(PasswordHasher.weakerThan(dummy, WORK + 1));
        for (String password : new String[] {"", "Shebao#2026", "not-a-password", "123456"}) {
            assertFalse(password, PasswordHasher.matches(password.toCharArray(), dummy));
        }
        assertNotEquals(dummy, PasswordHasher.unmatchable(WORK));
    }

    @Test(expected = IllegalArgumentException.class)
    public void noWorkFactorIsRefusedAtOnce() {
        PasswordHasher.unmatchable(0); // not at the first unknown login's check
    }
}
