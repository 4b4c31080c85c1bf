package org.shebao.api.records;

import java.math.BigDecimal;

/** A total per insurance type: how many months and how much. */
public record TypeTotal(InsuranceType type, int months, BigDecimal amount) {

    /** The totals per type of the lines (amount, late fee and interest), in type order. */
    public static java.util.List<TypeTotal> of(java.util.List<LedgerLine> lines) {
        java.util.Map<InsuranceType, java.util.List<LedgerLine>> byType = new java.util.EnumMap<>(InsuranceType.class);
        lines.forEach(l -> byType.computeIfAbsent(l.type(), t -> new java.util.ArrayList<>()).add(l));
        java.util.List<TypeTotal> totals = new java.util.ArrayList<>();
        byType.forEach((type, list) -> totals.add(new TypeTotal(type, list.size(),
                list.stream().map(LedgerLine::total).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add))));
        return totals;
    }

    /** The sum of the totals. */
    public static BigDecimal sum(java.util.List<TypeTotal> totals) {
        return totals.stream().map(TypeTotal::amount).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
    }

    /** As a row of a console table (JSON). */
    public Row row(java.util.Locale locale) {
        return new Row(type.code(), type.label().in(locale), months, amount);
    }

    /** A total as the console shows it. */
    public record Row(String insuranceType, String typeName, int months, BigDecimal amount) {
    }
}
