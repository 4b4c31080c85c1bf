package org.shebao.api.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Payment slips (缴费凭单): made from a person's PAYABLE lines, paid at the post office with the voucher number alone.
 * Each call one transaction; a refused one changes nothing.
 */
@ProviderType
public interface Slips {

    /** The person's slips, newest first, each in the status it has today. */
    List<Slip> slips(String idNumber);

    Optional<Slip> slip(String voucherNo);

    /**
     * Issues a slip for PAYABLE lines of the person (late fees charged as of the day), valid for the configured days
     * counting the day of issue; the lines go ON_SLIP.
     */
    Slip issue(String idNumber, List<Long> lineIds, LocalDate today);

    /** Cancels an issued slip (the district office, checked by the caller); its lines return to PAYABLE. */
    Slip cancel(String voucherNo, String cancelledBy, LocalDate today);

    /** Records the payment of an issued slip paid within its validity: the slip and its lines become PAID. */
    Slip recordPayment(String voucherNo, String paymentRef, LocalDate paidOn);
}
