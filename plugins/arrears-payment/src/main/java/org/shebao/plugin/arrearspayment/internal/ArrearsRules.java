package org.shebao.plugin.arrearspayment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.i18n.Text;
import org.shebao.api.i18n.Texts;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.Rates;
import org.shebao.api.records.TypeTotal;
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

    static final Texts TEXTS = Texts.of(ArrearsRules.class);

    static List<InsuranceType> types(FormData data) {
        return data.list("types").stream().map(InsuranceType::ofCode).flatMap(Optional::stream)
                .filter(PICKABLE::contains).distinct().sorted().toList();
    }

    /** 核定后欠费信息: totals per type over every arrears line of the query, and one page of the lines. */
    record ArrearsPage(List<TypeTotal.Row> totals, BigDecimal total, List<LedgerLine.Row> items, long count, int page,
            int size) {
    }

    static ArrearsPage page(List<LedgerLine> all, int page, int size, java.util.Locale locale) {
        List<TypeTotal> totals = TypeTotal.of(all);
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new ArrearsPage(totals.stream().map(t -> t.row(locale)).toList(), TypeTotal.sum(totals),
                all.subList(from, to).stream().map(l -> l.row(locale)).toList(), all.size(), page, size);
    }

    /** A page from 0, of 1 to 500 lines; 400 otherwise. */
    static void checkPaging(int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            String field = page < 0 ? "page" : "size";
            Text message = TEXTS.t(page < 0 ? "error.page" : "error.size", 500);
            throw new ShebaoException(ShebaoException.Kind.BAD_INPUT, "bad-paging", message,
                    List.of(new ShebaoException.FieldError(field, message)));
        }
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
            return Decision.returnTask("no-arrears", TEXTS.t("return.noArrears"));
        }
        return Decision.approveIfUnchanged(shown, now, "total", (was, is) -> TEXTS.t("return.amountChanged", was, is));
    }

    /** The picked types, each with arrears to pay. */
    static List<FieldError> validate(List<InsuranceType> picked, List<LedgerLine> arrears) {
        List<FieldError> errors = new ArrayList<>();
        if (picked.isEmpty()) {
            errors.add(new FieldError("types", TEXTS.t("error.types")));
        }
        for (InsuranceType type : picked) {
            if (arrears.stream().noneMatch(l -> l.type().enrolment() == type)) {
                errors.add(new FieldError("types", TEXTS.t("error.noArrears", type.label())));
            }
        }
        return errors;
    }
}
