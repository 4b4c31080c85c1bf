package org.shebao.plugin.gappayment.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.Test;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;

/** Gaps found in a ledger and what back-paying them costs, as pure functions of the records and the rates. */
public class GapChargesTest {

    private static final Map<Integer, String> CREDITING = Map.of(2019, "0.0761", 2020, "0.0604", 2021, "0.0669",
            2022, "0.0612", 2023, "0.0397", 2024, "0.0262", 2025, "0.0262", 2026, "0.0262");

    /** The shipped rows: 2022's figures every year, each year its crediting rate; 2027 provisionally 2026's. */
    private static Rates rates(Year year) {
        int row = Math.min(year.getValue(), 2026);
        return new Rates(Rates.CITY, Year.of(row), row != 2022,
                new Rates.Pension(new BigDecimal("6795"), List.of(60, 70, 80, 90, 100, 150, 200, 250, 300),
                        new BigDecimal("0.20"), new BigDecimal("0.60"), new BigDecimal("3.00"), new BigDecimal(CREDITING.get(row))),
                new Rates.Medical(new BigDecimal("6795"), new BigDecimal("0.06"), new BigDecimal("7.00")),
                new Rates.LateFee(false, new BigDecimal("0.0005"), BigDecimal.ZERO),
                new Rates.Rules(30, 60, false, 60, 55, new Rates.FilingWindow(false, 1, 20, Set.of())));
    }

    private static final Function<Year, Rates> RATES = GapChargesTest::rates;

    @Test
    public void aGapMonthCostsTheCurrentBasePlusCreditingInterestMonthByMonth() {
        List<GapCharge> charges = GapCharges.of(List.of(YearMonth.of(2022, 3)), 60, RATES, LocalDate.of(2026, 11, 15));
        GapCharge march = charges.get(0);
        assertEquals(new BigDecimal("4077"), march.base());
        assertEquals(new BigDecimal("815.40"), march.amount());
        // 2022-03..2022-12 at 6.12%, 2023 at 3.97%, 2024 to 2026-10 at 2.62%: simple interest to 2026-11
        assertEquals(new BigDecimal("134.49"), march.interest());
        assertEquals(new BigDecimal("949.89"), march.total());
        assertFalse(march.provisional());
    }

    @Test
    public void inAYearWithoutItsRowTheBaseIsProvisional() {
        GapCharge charge = GapCharges.of(List.of(YearMonth.of(2024, 1)), 100, RATES, LocalDate.of(2027, 1, 10)).get(0);
        assertEquals(new BigDecimal("1359.00"), charge.amount());
        assertEquals(2026, charge.ratesYear());
        assertEquals(Integer.valueOf(2027), charge.provisionalFor());
        assertEquals(Integer.valueOf(2027), charge.charge().provisionalFor());
    }

    private static LedgerLine line(long id, YearMonth m, LineStatus status) {
        return new LedgerLine(id, InsuranceType.PENSION, m, new BigDecimal("4077.00"), new BigDecimal("815.40"),
                BigDecimal.ZERO, BigDecimal.ZERO, status, null, LineKind.REGULAR, m.getYear(), false, null);
    }

    @Test
    public void missingSuspendedAndWrittenOffMonthsAreGapsButTheCurrentPayingPeriodIsOwed() {
        Enrolment pension = new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, 60, YearMonth.of(2021, 1),
                YearMonth.of(2021, 6), null, null);
        List<LedgerLine> lines = new ArrayList<>();
        lines.add(line(1, YearMonth.of(2021, 1), LineStatus.PAID));
        lines.add(line(2, YearMonth.of(2021, 2), LineStatus.WRITTEN_OFF));
        lines.add(line(3, YearMonth.of(2021, 3), LineStatus.ARREARS));
        // 2021-04 and 05 have no line; from 2021-06 the paying period is owed even without lines yet
        List<GapMonth> gaps = GapFinder.gaps(pension, lines, Optional.empty(), LocalDate.of(2026, 2, 1), 60);
        assertEquals(List.of(YearMonth.of(2021, 2), YearMonth.of(2021, 4), YearMonth.of(2021, 5)),
                gaps.stream().map(GapMonth::month).toList());
        // the look-back of 60 months reaches 2021-02: 2021-02 is still back-payable, a month earlier would not be
        assertTrue(gaps.get(0).backPayable());
        assertEquals(List.of(YearMonth.of(2021, 4), YearMonth.of(2021, 5)),
                GapFinder.gaps(pension, lines, Optional.of(YearMonth.of(2021, 3)), LocalDate.of(2026, 2, 1), 60).stream()
                        .map(GapMonth::month).toList());
        assertFalse(GapFinder.gaps(pension, lines, Optional.empty(), LocalDate.of(2026, 3, 1), 60).get(0).backPayable());
        assertNull(GapCharges.of(List.of(YearMonth.of(2021, 4)), 60, RATES, LocalDate.of(2026, 2, 1)).get(0).provisionalFor());
    }
}
