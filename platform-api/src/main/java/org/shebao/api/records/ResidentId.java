package org.shebao.api.records;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number (GB 11643-1999): 6-digit region code, birth date YYYYMMDD,
 * 3-digit sequence (odd = male) and a check character.
 *
 * @param value the 18 characters, check character upper case
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
    }

    /** The number if it is well formed, has a real birth date and the right check character. */
    public static Optional<ResidentId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(java.util.Locale.ROOT);
        return isValid(upper) ? Optional.of(new ResidentId(upper)) : Optional.empty();
    }

    private static boolean isValid(String v) {
        if (v == null || v.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (v.charAt(17) != CHECK[sum % 11]) {
            return false;
        }
        try {
            LocalDate born = parseBirth(v);
            return born.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static LocalDate parseBirth(String v) {
        return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return parseBirth(value);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    @Override
    public String toString() {
        return value;
    }
}
