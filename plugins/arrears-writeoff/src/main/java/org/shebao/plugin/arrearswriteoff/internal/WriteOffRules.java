package org.shebao.plugin.arrearswriteoff.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.i18n.Text;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LinesAssessment;
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

    static Text t(String key, Object... args) {
        return Text.of(WriteOffRules.class, "org.shebao.plugin.arrearswriteoff.internal.messages", key, args);
    }

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
    static Assessment assessment(LinesAssessment assessed) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (TypeTotal total : assessed.totals()) {
            amounts.put(key(total.type()), total.amount());
        }
        amounts.put("total", Rates.money(assessed.total()));
        return Assessment.of(amounts).rated(assessed.provisional(), assessed.lines().stream()
                .filter(LedgerLine::provisional).findFirst().map(LedgerLine::ratesYear).orElse(0));
    }

    static Decision review(Assessment shown, Assessment now) {
        if (now.differsFrom(shown, "total")) {
            return Decision.returnTask("amount-changed", t("return.amountChanged", shown.amount("total").toPlainString(),
                    now.amount("total").toPlainString()));
        }
        return Decision.approve();
    }
}
