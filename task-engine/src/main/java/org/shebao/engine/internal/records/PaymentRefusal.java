package org.shebao.engine.internal.records;

/** Why a reported payment is not applied to its slip (it is kept as a payment exception). */
public enum PaymentRefusal {
    UNKNOWN_VOUCHER,
    EXPIRED,
    CANCELLED,
    ALREADY_PAID,
    AMOUNT_MISMATCH
}
