package org.shebao.plugin.arrearspayment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.TEXTS;

/** A payment slip as the console shows it, with the link to its workbook (relative to the plugin's endpoints). */
public record SlipDto(String voucherNo, String status, String statusName, String issuedOn, String validUntil,
        BigDecimal total, List<Line> lines, String xlsx) {

    /** One month and type on the slip. */
    public record Line(String insuranceType, String typeName, String month, BigDecimal base, BigDecimal amount,
            BigDecimal lateFee, BigDecimal interest, BigDecimal total, String kind, boolean provisional, int ratesYear) {
    }

    static SlipDto of(Slip slip, Locale locale) {
        return new SlipDto(slip.voucherNo(), slip.status().name(), TEXTS.t("slip.status." + slip.status().name()).in(locale),
                slip.issuedOn().toString(), slip.validUntil().toString(), slip.total(),
                slip.lines().stream().map(l -> line(l, locale)).toList(), "slips/" + slip.voucherNo() + ".xlsx");
    }

    private static Line line(SlipLine l, Locale locale) {
        return new Line(l.type().code(), l.type().label().in(locale), l.month().toString(), l.base(), l.amount(),
                l.lateFee(), l.interest(), l.total(), l.kind().name(), l.provisional(), l.ratesYear());
    }
}
