package org.shebao.api.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The figures and rules of one contribution year for one district (or the city, 420100, as default),
 * from configuration (DOMAIN-RULES.md). Every computation rounds HALF_UP: bases to whole yuan, amounts to fen.
 *
 * @param district the district code, {@code 420100} for the city-wide default
 * @param year     the contribution (calendar) year
 * @param estimate whether the figures are carried forward, to be replaced by the bureau's notice
 * @param pension  pension (110) figures
 * @param medical  medical (310 + 330) figures
 * @param lateFee  late fee settings
 * @param rules    the other settings of the year
 */
public record Rates(String district, Year year, boolean estimate, Pension pension, Medical medical, LateFee lateFee,
        Rules rules) {

    /** The city's code: the default row for every district. */
    public static final String CITY = "420100";

    /**
     * @param averageWage   the contribution base average wage (AW) of the year
     * @param tiers         the tiers a citizen may pick, in percent of AW
     * @param rate          the contribution rate, paid wholly by the citizen
     * @param lowerRatio    the lowest base as a ratio of AW
     * @param upperRatio    the highest base as a ratio of AW
     * @param creditingRate the year's crediting interest rate (记账利率), for back-paid gaps
     */
    public record Pension(BigDecimal averageWage, List<Integer> tiers, BigDecimal rate, BigDecimal lowerRatio,
            BigDecimal upperRatio, BigDecimal creditingRate) {

        public Pension {
            tiers = List.copyOf(tiers);
        }
    }

    /**
     * @param base         the medical base (the previous year's city monthly average wage)
     * @param rate         the 310 rate
     * @param majorIllness the fixed monthly 330 amount
     */
    public record Medical(BigDecimal base, BigDecimal rate, BigDecimal majorIllness) {
    }

    /**
     * @param applied   whether flexible workers are charged a late fee
     * @param dailyRate per day after the due date (0.0005 = 0.05%)
     * @param capRatio  the most it can reach, as a ratio of the amount; zero for no cap
     */
    public record LateFee(boolean applied, BigDecimal dailyRate, BigDecimal capRatio) {
    }

    /**
     * @param firstDay   first day of the month on which tasks may be submitted
     * @param lastDay    last such day
     * @param businesses the business type ids it applies to; empty for all
     */
    public record FilingWindow(boolean enabled, int firstDay, int lastDay, Set<String> businesses) {

        public FilingWindow {
            businesses = Set.copyOf(businesses);
        }

        public boolean appliesTo(String businessType) {
            return enabled && (businesses.isEmpty() || businesses.contains(businessType));
        }

        public boolean open(LocalDate day) {
            return day.getDayOfMonth() >= firstDay && day.getDayOfMonth() <= lastDay;
        }
    }

    /**
     * @param slipValidDays     how long a payment slip can be paid
     * @param gapLookBackMonths how far back a pension gap may be back-paid
     * @param gapBaseOfGapYear  charge a gap at the base of its own year (else of the current year)
     * @param ageLimitMale      men may enrol under this age
     * @param ageLimitFemale    women may enrol under this age
     * @param filingWindow      the days of the month on which tasks may be submitted
     */
    public record Rules(int slipValidDays, int gapLookBackMonths, boolean gapBaseOfGapYear, int ageLimitMale,
            int ageLimitFemale, FilingWindow filingWindow) {
    }

    /**
     * Whether these rates stand in, provisionally, for a year without a row of its own (暂按上年度标准): the row is
     * an earlier year's.
     */
    public boolean provisionalFor(Year contributionYear) {
        return year.isBefore(contributionYear);
    }

    public boolean allowsTier(int tierPercent) {
        return pension.tiers().contains(tierPercent);
    }

    /** AW × tier, clamped to [AW × lower, AW × upper], to whole yuan. */
    public BigDecimal pensionBase(int tierPercent) {
        BigDecimal aw = pension.averageWage();
        BigDecimal raw = aw.multiply(BigDecimal.valueOf(tierPercent)).movePointLeft(2);
        BigDecimal lower = aw.multiply(pension.lowerRatio());
        BigDecimal upper = aw.multiply(pension.upperRatio());
        return raw.max(lower).min(upper).setScale(0, RoundingMode.HALF_UP);
    }

    /** The monthly pension contribution at the tier: round(base × rate, 2). */
    public BigDecimal pensionMonthly(int tierPercent) {
        return money(pensionBase(tierPercent).multiply(pension.rate()));
    }

    /** The base of a line of the type (the tier matters for 110 only). */
    public BigDecimal base(InsuranceType type, Integer tierPercent) {
        return switch (type) {
            case PENSION -> pensionBase(tierPercent);
            case MEDICAL -> medical.base().setScale(0, RoundingMode.HALF_UP);
            case MAJOR_ILLNESS -> BigDecimal.ZERO;
        };
    }

    /** The monthly amount of a line of the type. */
    public BigDecimal monthly(InsuranceType type, Integer tierPercent) {
        return switch (type) {
            case PENSION -> pensionMonthly(tierPercent);
            case MEDICAL -> money(base(type, null).multiply(medical.rate()));
            case MAJOR_ILLNESS -> money(medical.majorIllness());
        };
    }

    /** 310 and 330 together, a month. */
    public BigDecimal medicalMonthly() {
        return monthly(InsuranceType.MEDICAL, null).add(monthly(InsuranceType.MAJOR_ILLNESS, null));
    }

    public int ageLimit(Sex sex) {
        return sex == Sex.MALE ? rules.ageLimitMale() : rules.ageLimitFemale();
    }

    /**
     * The late fee on an unpaid amount of the month, on the day: the daily rate for every day after the due
     * date (the last day of the following month), capped; zero when not applied.
     */
    public BigDecimal lateFee(BigDecimal amount, YearMonth month, LocalDate day) {
        if (!lateFee.applied()) {
            return money(BigDecimal.ZERO);
        }
        long days = ChronoUnit.DAYS.between(month.plusMonths(1).atEndOfMonth(), day);
        if (days <= 0) {
            return money(BigDecimal.ZERO);
        }
        BigDecimal fee = amount.multiply(lateFee.dailyRate()).multiply(BigDecimal.valueOf(days));
        if (lateFee.capRatio().signum() > 0) {
            fee = fee.min(amount.multiply(lateFee.capRatio()));
        }
        return money(fee);
    }

    /** Money to fen, HALF_UP. */
    public static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
