package org.shebao.plugin.gappayment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;

import static org.shebao.plugin.gappayment.internal.GapRules.TEXTS;

/** A person's pension gaps and what back-paying chosen ones costs today, from the records and the rates. */
@Component(service = Gaps.class)
public class Gaps {

    /** Chosen gap months as assessed now (核定缴费). */
    record Assessed(List<GapCharge> charges) {

        BigDecimal amount() {
            return charges.stream().map(GapCharge::amount).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
        }

        BigDecimal interest() {
            return charges.stream().map(GapCharge::interest).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
        }

        Optional<GapCharge> provisional() {
            return charges.stream().filter(GapCharge::provisional).findFirst();
        }
    }

    private final Records records;
    private final RatesService rates;

    @Activate
    public Gaps(@Reference Records records, @Reference RatesService rates) {
        this.records = records;
        this.rates = rates;
    }

    /** The person's gaps before the current month, from a month (or the first enrolment), oldest first. */
    List<GapMonth> of(String idNumber, Optional<YearMonth> from, LocalDate today) {
        Optional<Enrolment> pension = records.enrolment(idNumber, InsuranceType.PENSION);
        if (pension.isEmpty()) {
            return List.of();
        }
        String district = records.person(idNumber).map(p -> p.district()).orElse(Rates.CITY);
        int lookBack = rates.rates(district, Year.of(today.getYear())).rules().gapLookBackMonths();
        return GapFinder.gaps(pension.get(), records.lines(idNumber, LineQuery.all().type(InsuranceType.PENSION).regular(),
                today), from, today, lookBack);
    }

    /** Back-paying the months, assessed now; refused unless each is a back-payable gap. */
    Assessed assess(String idNumber, List<YearMonth> months, LocalDate today) {
        Enrolment pension = records.enrolment(idNumber, InsuranceType.PENSION).orElseThrow(() ->
                new ShebaoException(Kind.CONFLICT, "no-pension", TEXTS.t("error.noPension")));
        Map<YearMonth, GapMonth> gaps = of(idNumber, Optional.empty(), today).stream()
                .collect(Collectors.toMap(GapMonth::month, g -> g));
        for (YearMonth m : months) {
            GapMonth gap = gaps.get(m);
            if (gap == null) {
                throw new ShebaoException(Kind.CONFLICT, "not-a-gap", TEXTS.t("error.notGap", m.toString()));
            }
            if (!gap.backPayable()) {
                throw new ShebaoException(Kind.CONFLICT, "gap-out-of-range", TEXTS.t("error.outOfRange", m.toString()));
            }
        }
        String district = records.person(idNumber).map(p -> p.district()).orElse(Rates.CITY);
        Function<Year, Rates> ratesOf = year -> rates.rates(district, year);
        int tier = pension.tierPercent() == null ? ratesOf.apply(Year.of(today.getYear())).pension().tiers().get(0)
                : pension.tierPercent();
        return new Assessed(GapCharges.of(months, tier, ratesOf, today));
    }
}
