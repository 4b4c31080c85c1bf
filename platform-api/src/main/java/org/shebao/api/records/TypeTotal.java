package org.shebao.api.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A total per insurance type: how many months and how much. */
public record TypeTotal(InsuranceType type, int months, BigDecimal amount) {

    /** The totals per type of the lines (amount, late fee and interest), in type order. */
    public static List<TypeTotal> of(List<LedgerLine> lines) {
        Map<InsuranceType, List<LedgerLine>> byType = new EnumMap<>(InsuranceType.class);
        lines.forEach(l -> byType.computeIfAbsent(l.type(), t -> new ArrayList<>()).add(l));
        List<TypeTotal> totals = new ArrayList<>();
        byType.forEach((type, list) -> totals.add(new TypeTotal(type, list.size(),
                list.stream().map(LedgerLine::total).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add))));
        return totals;
    }

    /** The sum of the totals. */
    public static BigDecimal sum(List<TypeTotal> totals) {
        return totals.stream().map(TypeTotal::amount).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
    }

    /** As a row of a console table (JSON). */
    public Row row(Locale locale) {
        return new Row(type.code(), type.label().in(locale), months, amount);
    }

    /** A total as the console shows it. */
    public record Row(String insuranceType, String typeName, int months, BigDecimal amount) {
    }
}
