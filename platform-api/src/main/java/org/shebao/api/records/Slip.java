package org.shebao.api.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment slip (缴费凭单): payable at the post office with the voucher number alone.
 *
 * @param voucherNo  unique and unguessable
 * @param idNumber   whose it is
 * @param name       their name, as printed
 * @param district   their district, whose office may cancel it
 * @param issuedOn   the day it was issued
 * @param validUntil the last day it can be paid
 * @param status     issued, paid, cancelled or expired
 * @param lines      what it charges
 * @param total      the sum of the lines
 * @param paymentRef the payment's reference once paid, else null
 */
public record Slip(String voucherNo, String idNumber, String name, String district, LocalDate issuedOn,
        LocalDate validUntil, SlipStatus status, List<SlipLine> lines, BigDecimal total, String paymentRef) {

    public Slip {
        lines = List.copyOf(lines);
    }
}
