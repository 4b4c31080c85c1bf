package org.shebao.plugin.arrearswriteoff.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.i18n.Texts;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.Rates;
import org.shebao.api.records.TypeTotal;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

/**
 * Arrears write-off (欠费注销): ticked arrears months (none by default) stop being owed and become gaps;
 * irreversible. The write-off assessment (注销核定) shows totals per type; at approval they must not have changed.
 */
final class WriteOffRules {

    private WriteOffRules() {
    }

    static final Texts TEXTS = Texts.of(WriteOffRules.class);

    /** The ticked line ids; anything that is not a number is dropped (and validation then finds too few). */
    static List<Long> lineIds(FormData data) {
        return data.list("lines").stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    static boolean wellFormed(FormData data) {
        return !data.list("lines").isEmpty() && lineIds(data).size() == data.list("lines").stream().distinct().count();
    }

    static Optional<InsuranceType> filter(String code) {
        return InsuranceType.ofCode(code).filter(InsuranceType::enrolable);
    }

    static String key(InsuranceType type) {
        return switch (type) {
            case PENSION -> "pensionTotal";
            case MEDICAL -> "medicalTotal";
            case MAJOR_ILLNESS -> "majorIllnessTotal";
        };
    }

    /** 核定后欠费统计信息: the written-off total per type and altogether. */
    static Assessment assessment(List<LedgerLine> chosen) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        List<TypeTotal> totals = TypeTotal.of(chosen);
        for (TypeTotal total : totals) {
            amounts.put(key(total.type()), total.amount());
        }
        amounts.put("total", Rates.money(TypeTotal.sum(totals)));
        Optional<LedgerLine> provisional = chosen.stream().filter(LedgerLine::provisional).findFirst();
        return Assessment.of(amounts).rated(provisional.isPresent(), provisional.map(LedgerLine::ratesYear).orElse(0));
    }

    static Decision review(Assessment shown, Assessment now) {
        return Decision.approveIfUnchanged(shown, now, "total", (was, is) -> TEXTS.t("return.amountChanged", was, is));
    }
}
