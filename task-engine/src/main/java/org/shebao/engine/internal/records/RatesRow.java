package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.api.records.Rates;

/**
 * One configured row of rates: a factory configuration of {@code org.shebao.rates} per district and year
 * ({@code etc/org.shebao.rates-420100-2022.cfg}). A row that does not parse does not activate, and says why in
 * the log; its year then answers "not configured" rather than a wrong figure.
 */
@Component(service = RatesRow.class, configurationPid = RatesRow.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RatesRow.Config.class, factory = true)
public class RatesRow {

    public static final String PID = "org.shebao.rates";

    @ObjectClassDefinition(name = "Shebao contribution rates", description = "One district (420100 = the city) and year")
    public @interface Config {
        @AttributeDefinition(description = "District code; 420100 is the city-wide default")
        String district() default Rates.CITY;

        @AttributeDefinition(description = "Contribution (calendar) year")
        int year();

        @AttributeDefinition(description = "Figures carried forward, to be replaced by the bureau's notice")
        boolean estimate() default false;

        @AttributeDefinition(description = "Pension: average wage (AW) of the year, yuan")
        String pension_averageWage();

        @AttributeDefinition(description = "Pension: tiers in percent of AW, comma separated")
        String pension_tiers() default "60,70,80,90,100,150,200,250,300";

        @AttributeDefinition(description = "Pension: contribution rate")
        String pension_rate() default "0.20";

        @AttributeDefinition(description = "Pension: lowest base as a ratio of AW")
        String pension_lowerRatio() default "0.60";

        @AttributeDefinition(description = "Pension: highest base as a ratio of AW")
        String pension_upperRatio() default "3.00";

        @AttributeDefinition(description = "Pension: crediting interest rate of the year")
        String pension_creditingRate();

        @AttributeDefinition(description = "Medical: base (previous year's city monthly average wage)")
        String medical_base();

        @AttributeDefinition(description = "Medical: 310 rate")
        String medical_rate() default "0.06";

        @AttributeDefinition(description = "Medical: fixed monthly 330 amount")
        String medical_majorIllness() default "7.00";

        @AttributeDefinition(description = "Late fee charged to flexible workers")
        boolean lateFee_applied() default false;

        @AttributeDefinition(description = "Late fee per day")
        String lateFee_dailyRate() default "0.0005";

        @AttributeDefinition(description = "Late fee cap as a ratio of the amount; 0 for none")
        String lateFee_capRatio() default "0";

        @AttributeDefinition(description = "Days a payment slip can be paid")
        int slip_validDays() default 30;

        @AttributeDefinition(description = "How many months back a pension gap may be back-paid")
        int gap_lookBackMonths() default 60;

        @AttributeDefinition(description = "Base of a back-paid gap: current (year) or gap (the gap's year)")
        String gap_base() default "current";

        @AttributeDefinition(description = "Men may enrol under this age")
        int age_limit_male() default 60;

        @AttributeDefinition(description = "Women may enrol under this age")
        int age_limit_female() default 55;

        @AttributeDefinition(description = "Filing window checked at submit")
        boolean filing_window_enabled() default false;

        @AttributeDefinition(description = "Filing window: first day of the month")
        int filing_window_firstDay() default 1;

        @AttributeDefinition(description = "Filing window: last day of the month")
        int filing_window_lastDay() default 20;

        @AttributeDefinition(description = "Filing window: business type ids it applies to, comma separated; empty for all")
        String filing_window_businesses() default "";
    }

    private final Rates rates;

    @Activate
    public RatesRow(Config config) {
        this.rates = parse(config);
    }

    public Rates rates() {
        return rates;
    }

    static Rates parse(Config c) {
        if (!c.district().matches("\\d{6}")) {
            throw new IllegalArgumentException("district must be six digits: " + c.district());
        }
        if (c.year() < 1990 || c.year() > 2200) {
            throw new IllegalArgumentException("year is missing or out of range: " + c.year());
        }
        List<Integer> tiers = Arrays.stream(c.pension_tiers().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).sorted().toList();
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("pension.tiers is empty");
        }
        if (!c.gap_base().equals("current") && !c.gap_base().equals("gap")) {
            throw new IllegalArgumentException("gap.base must be current or gap: " + c.gap_base());
        }
        int first = c.filing_window_firstDay();
        int last = c.filing_window_lastDay();
        if (first < 1 || last > 31 || first > last) {
            throw new IllegalArgumentException("filing window days must satisfy 1 <= firstDay <= lastDay <= 31");
        }
        Set<String> businesses = Arrays.stream(c.filing_window_businesses().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new Rates(c.district(), Year.of(c.year()), c.estimate(),
                new Rates.Pension(positive("pension.averageWage", c.pension_averageWage()), tiers,
                        positive("pension.rate", c.pension_rate()), positive("pension.lowerRatio", c.pension_lowerRatio()),
                        positive("pension.upperRatio", c.pension_upperRatio()),
                        decimal("pension.creditingRate", c.pension_creditingRate())),
                new Rates.Medical(positive("medical.base", c.medical_base()), positive("medical.rate", c.medical_rate()),
                        decimal("medical.majorIllness", c.medical_majorIllness())),
                new Rates.LateFee(c.lateFee_applied(), decimal("lateFee.dailyRate", c.lateFee_dailyRate()),
                        decimal("lateFee.capRatio", c.lateFee_capRatio())),
                new Rates.Rules(positiveInt("slip.validDays", c.slip_validDays()),
                        positiveInt("gap.lookBackMonths", c.gap_lookBackMonths()), "gap".equals(c.gap_base()),
                        positiveInt("age.limit.male", c.age_limit_male()),
                        positiveInt("age.limit.female", c.age_limit_female()),
                        new Rates.FilingWindow(c.filing_window_enabled(), first, last, businesses)));
    }

    private static BigDecimal decimal(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        try {
            BigDecimal d = new BigDecimal(value.trim());
            if (d.signum() < 0) {
                throw new IllegalArgumentException(key + " must not be negative: " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a decimal number: " + value, e);
        }
    }

    private static BigDecimal positive(String key, String value) {
        BigDecimal d = decimal(key, value);
        if (d.signum() <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
        return d;
    }

    private static int positiveInt(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
        return value;
    }
}
