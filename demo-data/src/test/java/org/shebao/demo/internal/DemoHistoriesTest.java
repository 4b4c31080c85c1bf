package org.shebao.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;

public class DemoHistoriesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static Rates rates(int year) {
        return new Rates(Rates.CITY, Year.of(year), year != 2022,
                new Rates.Pension(new BigDecimal("6795"), List.of(60, 70, 80, 90, 100, 150, 200, 250, 300),
                        new BigDecimal("0.20"), new BigDecimal("0.60"), new BigDecimal("3.00"), new BigDecimal("0.0262")),
                new Rates.Medical(new BigDecimal("6795"), new BigDecimal("0.06"), new BigDecimal("7.00")),
                new Rates.LateFee(false, new BigDecimal("0.0005"), BigDecimal.ZERO),
                new Rates.Rules(30, 60, false, 60, 55, new Rates.FilingWindow(false, 1, 20, Set.of())));
    }

    private static Map<String, DemoHistories.History> histories() {
        return histories(TODAY);
    }

    /** The histories on a day, with rows for 2019–2026 (a later year provisionally at 2026's, as the platform does). */
    private static Map<String, DemoHistories.History> histories(LocalDate today) {
        return new DemoHistories(today, y -> rates(Math.min(y.getValue(), 2026)), Year.of(2019)).all().stream()
                .collect(Collectors.toMap(h -> h.person().name(), h -> h));
    }

    private static List<ImportedLine> lines(DemoHistories.History h, InsuranceType type, LineStatus status) {
        return h.lines().stream().filter(l -> l.type() == type && l.status() == status).toList();
    }

    @Test
    public void wangQiangOwesTheSixMonthsBeforeLastAndLastMonthIsStillDue() {
        DemoHistories.History wang = histories().get("王强");
        for (InsuranceType type : InsuranceType.values()) {
            List<ImportedLine> arrears = lines(wang, type, LineStatus.ARREARS);
            assertEquals(type.toString(), 6, arrears.size());
            assertEquals(YearMonth.of(2026, 4), arrears.get(0).month());
            assertEquals(YearMonth.of(2026, 9), arrears.get(5).month());
            List<ImportedLine> due = lines(wang, type, LineStatus.DUE);
            assertEquals(List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11)), due.stream().map(ImportedLine::month).toList());
        }
        assertEquals(new BigDecimal("1359.00"), lines(wang, InsuranceType.PENSION, LineStatus.ARREARS).get(0).amount());
        // 2018 history carries the first configured year's figures
        assertEquals(YearMonth.of(2018, 1), lines(wang, InsuranceType.PENSION, LineStatus.PAID).get(0).month());
    }

    /** Month M is arrears after the last day of M+1: on any day of the year, every seeded status obeys it. */
    @Test
    public void everySeededStatusFollowsTheArrearsRuleAllYearRound() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            YearMonth lastArrears = YearMonth.from(day).minusMonths(2);
            for (DemoHistories.History h : histories(day).values()) {
                for (ImportedLine l : h.lines()) {
                    if (l.status() == LineStatus.ARREARS) {
                        assertFalse(h.person().name() + " " + l.month() + " on " + day, l.month().isAfter(lastArrears));
                    }
                    if (l.status() == LineStatus.DUE) {
                        assertTrue(h.person().name() + " " + l.month() + " on " + day, l.month().isAfter(lastArrears));
                    }
                }
            }
        }
    }

    @Test
    public void inJanuaryWithNoRowTheCurrentMonthIsDueAtLastYearsRates() {
        DemoHistories.History li = histories(LocalDate.of(2027, 1, 5)).get("李娜");
        ImportedLine january = lines(li, InsuranceType.PENSION, LineStatus.DUE).get(0);
        assertEquals(YearMonth.of(2027, 1), january.month());
        assertEquals(2026, january.ratesYear());
        assertEquals(Integer.valueOf(60), january.tierPercent());
    }

    @Test
    public void sunLiHasRecordsSinceMarch2021() {
        DemoHistories.History sun = histories().get("孙丽");
        assertEquals("420107", sun.person().district());
        assertEquals("13907100001", sun.person().contact().mobile());
        assertEquals(YearMonth.of(2021, 3), lines(sun, InsuranceType.PENSION, LineStatus.PAID).get(0).month());
        assertEquals(new BigDecimal("1087.20"), lines(sun, InsuranceType.PENSION, LineStatus.PAID).get(0).amount());
    }

    @Test
    public void liuFangHasNoLinesInHerInterruptions() {
        DemoHistories.History liu = histories().get("刘芳");
        Set<YearMonth> months = liu.lines().stream().map(ImportedLine::month).collect(Collectors.toSet());
        assertFalse(months.contains(YearMonth.of(2022, 3)));
        assertFalse(months.contains(YearMonth.of(2022, 8)));
        assertFalse(months.contains(YearMonth.of(2024, 4)));
        assertTrue(months.contains(YearMonth.of(2022, 9)));
        assertTrue(months.contains(YearMonth.of(2016, 1)));
        assertEquals(YearMonth.of(2024, 5), liu.enrolments().get(0).payingFrom());
    }

    @Test
    public void liNaPaidEverythingAndChenJieIsSuspended() {
        Map<String, DemoHistories.History> all = histories();
        DemoHistories.History li = all.get("李娜");
        assertTrue(li.lines().stream().allMatch(l -> l.status() == LineStatus.PAID
                || (l.status() == LineStatus.DUE && l.month().equals(YearMonth.of(2026, 11)))));
        assertEquals(new BigDecimal("815.40"), lines(li, InsuranceType.PENSION, LineStatus.DUE).get(0).amount());
        DemoHistories.History chen = all.get("陈杰");
        assertTrue(chen.enrolments().stream().allMatch(e -> e.status() == EnrolmentStatus.SUSPENDED
                && e.payingUntil().equals(YearMonth.of(2022, 12))));
        assertTrue(all.get("张伟").enrolments().isEmpty());
        assertEquals(55, all.get("赵敏").person().ageOn(TODAY));
    }
}
