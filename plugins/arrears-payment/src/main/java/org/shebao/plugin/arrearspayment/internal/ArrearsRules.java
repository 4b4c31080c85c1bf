package org.shebao.plugin.arrearspayment.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.i18n.Text;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.Rates;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

/**
 * Arrears back-payment (欠费补缴): the citizen picks insurance types; every arrears month of a picked type is paid
 * together (310 with its 330). The total is recomputed at approval and must be the one the citizen saw.
 */
final class ArrearsRules {

    /** The types a citizen picks: pension, and medical (with the major-illness supplement). */
    static final List<InsuranceType> PICKABLE = List.of(InsuranceType.PENSION, InsuranceType.MEDICAL);

    private ArrearsRules() {
    }

    static Text t(String key, Object... args) {
        return Text.of(ArrearsRules.class, "org.shebao.plugin.arrearspayment.internal.messages", key, args);
    }

    static List<InsuranceType> types(FormData data) {
        return data.list("types").stream().map(InsuranceType::ofCode).flatMap(Optional::stream)
                .filter(PICKABLE::contains).distinct().sorted().toList();
    }

    /** An insurance-type filter of a query: empty or unknown for all. */
    static Optional<InsuranceType> filter(String code) {
        return InsuranceType.ofCode(code).filter(PICKABLE::contains);
    }

    static String amountKey(InsuranceType type) {
        return type == InsuranceType.PENSION ? "pensionTotal" : "medicalTotal";
    }

    /** Totals of the arrears lines of the picked types: per picked type and altogether. */
    static Assessment assess(List<InsuranceType> picked, List<LedgerLine> arrears) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal total = Rates.money(BigDecimal.ZERO);
        for (InsuranceType type : picked) {
            BigDecimal sum = arrears.stream().filter(l -> l.type().enrolment() == type).map(LedgerLine::total)
                    .reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
            amounts.put(amountKey(type), sum);
            total = total.add(sum);
        }
        amounts.put("total", total);
        List<LedgerLine> provisional = arrears.stream().filter(l -> picked.contains(l.type().enrolment()))
                .filter(LedgerLine::provisional).toList();
        return Assessment.of(amounts).rated(!provisional.isEmpty(),
                provisional.isEmpty() ? 0 : provisional.get(0).ratesYear());
    }

    /** The lines of the picked types, which approval makes payable. */
    static List<Long> lineIds(List<InsuranceType> picked, List<LedgerLine> arrears) {
        return arrears.stream().filter(l -> picked.contains(l.type().enrolment())).map(LedgerLine::id).toList();
    }

    /** Approve only if there is something to pay and the total is still what the citizen saw when submitting. */
    static Decision review(List<InsuranceType> picked, Assessment shown, Assessment now) {
        if (picked.isEmpty() || now.amount("total").signum() == 0) {
            return Decision.returnTask("no-arrears", t("return.noArrears"));
        }
        if (now.differsFrom(shown, "total")) {
            return Decision.returnTask("amount-changed", t("return.amountChanged", shown.amount("total").toPlainString(),
                    now.amount("total").toPlainString()));
        }
        return Decision.approve();
    }
}
