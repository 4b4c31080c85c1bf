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

    /**
     * The number made of the first 17 digits (region, birth date, sequence) and their check character: a test's or a
     * load generator's citizen.
     *
     * @throws IllegalArgumentException when the 17 are not digits or make no valid number (no real birth date)
     */
    public static ResidentId withCheck(String seventeen) {
        if (seventeen == null || !seventeen.matches("\\d{17}")) {
            throw new IllegalArgumentException("not the 17 digits of a resident ID number");
        }
        return new ResidentId(seventeen + check(seventeen));
    }

    /** The check character of the first 17 characters, which are digits. */
    private static char check(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean isValid(String v) {
        if (v == null || v.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        if (v.charAt(17) != check(v)) {
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
