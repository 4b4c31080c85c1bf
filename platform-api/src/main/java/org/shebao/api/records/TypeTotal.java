package org.shebao.api.records;

import java.math.BigDecimal;

/** A total per insurance type: how many months and how much. */
public record TypeTotal(InsuranceType type, int months, BigDecimal amount) {

    /** As a row of a console table (JSON). */
    public java.util.Map<String, Object> row(java.util.Locale locale) {
        return java.util.Map.of("insuranceType", type.code(), "typeName", type.label().in(locale), "months", months,
                "amount", amount);
    }
}
