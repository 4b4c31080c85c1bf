package org.shebao.plugin.gappayment.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.records.Rates;

/**
 * Interruption periods (中断期): consecutive gap months grouped, as the citizen ticks them. A period is back-payable
 * as a whole or not at all (a run of months that crosses the look-back limit is two periods). Its id,
 * {@code 2022-03..2022-08}, is what a task keeps.
 *
 * @param from        the first month
 * @param to          the last month
 * @param backPayable whether it may be back-paid now
 * @param charges     what each month costs now (empty when not back-payable)
 */
record GapPeriods(YearMonth from, YearMonth to, boolean backPayable, List<GapCharge> charges) {

    private static final String SEPARATOR = "..";

    GapPeriods {
        charges = List.copyOf(charges);
    }

    String id() {
        return from + SEPARATOR + to;
    }

    int months() {
        return (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    BigDecimal principal() {
        return charges.stream().map(GapCharge::amount).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
    }

    BigDecimal interest() {
        return charges.stream().map(GapCharge::interest).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
    }

    BigDecimal total() {
        return principal().add(interest());
    }

    boolean provisional() {
        return charges.stream().anyMatch(GapCharge::provisional);
    }

    /**
     * A period as a row of the console's table (JSON).
     *
     * @param id          what a ticked row keeps: {@code from..to}
     * @param ratesYear   the year of the rates the principal stands on, when provisional
     */
    record Row(String id, String from, String to, int months, BigDecimal amount, BigDecimal interest, BigDecimal total,
            boolean backPayable, boolean provisional, Integer ratesYear) {
    }

    Row row() {
        return new Row(id(), from.toString(), to.toString(), months(), backPayable ? principal() : null,
                backPayable ? interest() : null, backPayable ? total() : null, backPayable, provisional(),
                charges.stream().filter(GapCharge::provisional).findFirst().map(GapCharge::ratesYear).orElse(null));
    }

    /** The person's interruption periods from a month (or all), each back-payable one charged as of today. */
    static List<GapPeriods> current(Gaps gaps, String idNumber, Optional<YearMonth> from, java.time.LocalDate today) {
        List<GapMonth> found = gaps.of(idNumber, from, today);
        List<YearMonth> payable = found.stream().filter(GapMonth::backPayable).map(GapMonth::month).toList();
        Map<YearMonth, GapCharge> charges = new java.util.HashMap<>();
        if (!payable.isEmpty()) {
            gaps.assess(idNumber, payable, today).charges().forEach(c -> charges.put(c.month(), c));
        }
        return of(found, charges);
    }

    /** The chosen months' periods, as assessed: what a decided task shows. */
    static List<GapPeriods> of(Gaps.Assessed assessed) {
        Map<YearMonth, GapCharge> charges = new java.util.HashMap<>();
        assessed.charges().forEach(c -> charges.put(c.month(), c));
        return of(assessed.charges().stream().map(c -> new GapMonth(c.month(), true)).toList(), charges);
    }

    /** The gap months, oldest first, grouped into periods, with each back-payable month's charge. */
    static List<GapPeriods> of(List<GapMonth> gaps, Map<YearMonth, GapCharge> charges) {
        List<GapPeriods> periods = new ArrayList<>();
        YearMonth start = null;
        YearMonth end = null;
        boolean payable = false;
        for (GapMonth gap : gaps) {
            boolean continues = end != null && gap.month().equals(end.plusMonths(1)) && gap.backPayable() == payable;
            if (!continues && start != null) {
                periods.add(period(start, end, payable, charges));
            }
            if (!continues) {
                start = gap.month();
                payable = gap.backPayable();
            }
            end = gap.month();
        }
        if (start != null) {
            periods.add(period(start, end, payable, charges));
        }
        return periods;
    }

    private static GapPeriods period(YearMonth from, YearMonth to, boolean payable, Map<YearMonth, GapCharge> charges) {
        List<GapCharge> own = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to) && payable; m = m.plusMonths(1)) {
            Optional.ofNullable(charges.get(m)).ifPresent(own::add);
        }
        return new GapPeriods(from, to, payable, own);
    }

    /** The months of ticked period ids ({@code 2022-03..2022-08}), sorted once; empty when one is not a period. */
    static Optional<List<YearMonth>> months(Collection<String> ids) {
        List<YearMonth> months = new ArrayList<>();
        try {
            for (String id : ids) {
                int at = id.indexOf(SEPARATOR);
                YearMonth from = YearMonth.parse(at < 0 ? id : id.substring(0, at));
                YearMonth to = at < 0 ? from : YearMonth.parse(id.substring(at + SEPARATOR.length()));
                if (to.isBefore(from) || from.until(to, java.time.temporal.ChronoUnit.MONTHS) > 1200) {
                    return Optional.empty();
                }
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    months.add(m);
                }
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(months.stream().distinct().sorted().toList());
    }
}
