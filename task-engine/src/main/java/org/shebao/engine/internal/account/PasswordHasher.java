package org.shebao.engine.internal.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$iterations$salt$hash}
 * so that the work factor can rise later without invalidating stored hashes.
 */
public final class PasswordHasher {

    static final String ALGORITHM = "pbkdf2-sha256";
    /** OWASP's Password Storage Cheat Sheet for PBKDF2-HMAC-SHA256 (2023 and since). */
    public static final int OWASP_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * A stored hash that no password matches (random salt and random bytes in place of the derived key) and that
     * costs a check the full work factor: what an unknown login is checked against, made without deriving a key
     * (a start-up does not pay for a hash).
     */
    public static String unmatchable(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("a work factor of at least 1 iteration, not " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] noKey = new byte[HASH_BITS / 8];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(noKey);
        return format(iterations, salt, noKey);
    }

    /** Whether the stored hash was made with fewer iterations than asked for now (rehashed at the next login). */
    public static boolean weakerThan(String stored, int iterations) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || !ALGORITHM.equals(parts[0]) || Integer.parseInt(parts[1]) < iterations;
    }

    /** Whether the password is the one hashed. */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
