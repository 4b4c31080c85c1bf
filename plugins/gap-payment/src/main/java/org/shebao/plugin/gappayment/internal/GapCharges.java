package org.shebao.plugin.gappayment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

import org.shebao.api.records.Rates;

/**
 * What back-paying gap months costs (DOMAIN-RULES.md): base × 20% at the citizen's current tier, with the base of the
 * current year (or of the gap's year, per configuration), plus simple interest on that amount at each year's crediting
 * rate for every whole month from the gap month to the assessment month.
 */
final class GapCharges {

    private GapCharges() {
    }

    /**
     * @param months  the gap months, each back-payable
     * @param tier    the tier charged
     * @param ratesOf the rates that apply to a year (provisionally an earlier year's)
     * @param today   the day of the assessment
     */
    static List<GapCharge> of(List<YearMonth> months, int tier, Function<Year, Rates> ratesOf, LocalDate today) {
        Rates current = ratesOf.apply(Year.of(today.getYear()));
        YearMonth assessed = YearMonth.from(today);
        return months.stream().sorted().distinct().map(m -> {
            Year baseYear = Year.of(current.rules().gapBaseOfGapYear() ? m.getYear() : today.getYear());
            Rates base = ratesOf.apply(baseYear);
            BigDecimal amount = base.pensionMonthly(tier);
            return new GapCharge(m, tier, base.pensionBase(tier), amount, interest(amount, m, assessed, ratesOf),
                    base.year().getValue(), base.provisionalFor(baseYear) ? baseYear.getValue() : null);
        }).toList();
    }

    /** Simple interest on the amount, for each whole month from the gap month to the assessment month, at that year's rate. */
    static BigDecimal interest(BigDecimal amount, YearMonth gap, YearMonth assessed, Function<Year, Rates> ratesOf) {
        BigDecimal yearlyRateMonths = BigDecimal.ZERO;
        for (YearMonth m = gap; m.isBefore(assessed); m = m.plusMonths(1)) {
            yearlyRateMonths = yearlyRateMonths.add(ratesOf.apply(Year.of(m.getYear())).pension().creditingRate());
        }
        return Rates.money(amount.multiply(yearlyRateMonths).divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP));
    }
}
