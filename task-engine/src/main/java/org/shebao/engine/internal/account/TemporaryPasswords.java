package org.shebao.engine.internal.account;

import java.security.SecureRandom;

/**
 * Temporary passwords an administrator hands out: 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
 * about 70 bits; the first login must replace it.
 */
final class TemporaryPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 12;

    private TemporaryPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
