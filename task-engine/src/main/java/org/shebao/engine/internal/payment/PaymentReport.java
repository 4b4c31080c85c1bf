package org.shebao.engine.internal.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;

/**
 * A payment as a channel reports it: the slip's voucher number, the amount paid, when (ISO-8601 with the offset) and
 * the channel's own reference.
 */
public record PaymentReport(String voucherNo, BigDecimal amount, OffsetDateTime paidAt, String channelRef) {

    /** Read from the channel's text; refused (400, each field's problem) when a part is missing or malformed. */
    public static PaymentReport parse(String voucherNo, String amount, String paidAt, String channelRef) {
        List<FieldError> errors = new ArrayList<>();
        String voucher = text(voucherNo, 24, "voucherNo", errors);
        String ref = text(channelRef, 64, "channelRef", errors);
        BigDecimal money = null;
        try {
            String text = amount == null ? "" : amount.trim();
            if (!text.matches("\\d{1,12}(\\.\\d{1,2})?")) {
                throw new NumberFormatException(text);
            }
            money = new BigDecimal(text);
            if (money.signum() <= 0) {
                throw new NumberFormatException(text);
            }
            money = money.setScale(2);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("amount", Messages.text("payment.field.amount")));
        }
        OffsetDateTime at = null;
        try {
            at = OffsetDateTime.parse(paidAt == null ? "" : paidAt.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("paidAt", Messages.text("payment.field.paidAt")));
        }
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "invalid-payment", Messages.text("payment.invalid"), errors);
        }
        return new PaymentReport(voucher, money, at, ref);
    }

    private static String text(String value, int max, String field, List<FieldError> errors) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.length() > max) {
            errors.add(new FieldError(field, Messages.text("payment.field." + field, max)));
        }
        return v;
    }

    /** What a repeat of the reference must say again: the same voucher, amount and instant. */
    String digest() {
        String canonical = voucherNo + "|" + amount.toPlainString() + "|" + paidAt.toInstant() + "|" + channelRef;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
