package org.shebao.engine.internal.records;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * Voucher numbers (凭单号): the year, fifteen random digits from a strong generator and a Luhn check digit, so
 * that a number cannot be guessed from another and a mistyped one is caught at the post office counter.
 */
final class Vouchers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Vouchers() {
    }

    static String next(LocalDate issuedOn) {
        StringBuilder digits = new StringBuilder(20).append(issuedOn.getYear());
        for (int i = 0; i < 15; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** Whether the number's last digit is the Luhn check digit of the others. */
    static boolean valid(String voucherNo) {
        if (voucherNo == null || !voucherNo.matches("\\d{20}")) {
            return false;
        }
        return checkDigit(voucherNo.substring(0, 19)) == voucherNo.charAt(19) - '0';
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
