package org.shebao.plugin.gappayment.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.shebao.api.task.FormData;

public class GapPeriodsTest {

    /** 刘芳's gaps (DEMO.md): 2022-03..08 and 2024-01..04; with a look-back reaching 2022-05 on the day. */
    private static List<GapMonth> liuFang() {
        List<GapMonth> gaps = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2022, 3); !m.isAfter(YearMonth.of(2022, 8)); m = m.plusMonths(1)) {
            gaps.add(new GapMonth(m, !m.isBefore(YearMonth.of(2022, 5))));
        }
        for (YearMonth m = YearMonth.of(2024, 1); !m.isAfter(YearMonth.of(2024, 4)); m = m.plusMonths(1)) {
            gaps.add(new GapMonth(m, true));
        }
        return gaps;
    }

    private static Map<YearMonth, GapCharge> charges(List<GapMonth> gaps) {
        Map<YearMonth, GapCharge> out = new HashMap<>();
        for (GapMonth g : gaps) {
            if (g.backPayable()) {
                out.put(g.month(), new GapCharge(g.month(), 60, new BigDecimal("4077"), new BigDecimal("815.40"),
                        new BigDecimal("10.00"), 2026, null));
            }
        }
        return out;
    }

    @Test
    public void consecutiveGapMonthsAreOnePeriodSplitWhereTheLookBackEnds() {
        List<GapPeriods> periods = GapPeriods.of(liuFang(), charges(liuFang()));
        assertEquals(List.of("2022-03..2022-04", "2022-05..2022-08", "2024-01..2024-04"),
                periods.stream().map(GapPeriods::id).toList());
        assertFalse(periods.get(0).backPayable());
        assertEquals(2, periods.get(0).months());
        assertTrue(periods.get(0).charges().isEmpty());
        GapPeriods.Row row = periods.get(1).row();
        assertEquals(4, row.months());
        assertEquals(new BigDecimal("3261.60"), row.amount());
        assertEquals(new BigDecimal("40.00"), row.interest());
        assertEquals(new BigDecimal("3301.60"), row.total());
        assertEquals(null, periods.get(0).row().total());
    }

    @Test
    public void tickedPeriodsExpandToTheirMonthsAndFirstReleaseTasksKeepTheirMonths() {
        assertEquals(Optional.of(List.of(YearMonth.of(2022, 7), YearMonth.of(2022, 8), YearMonth.of(2024, 1))),
                GapRules.months(FormData.of(Map.of("periods", List.of("2024-01..2024-01", "2022-07..2022-08")))));
        assertEquals(Optional.of(List.of(YearMonth.of(2022, 3))), GapRules.months(FormData.of(Map.of("months", List.of("2022-03")))));
        assertTrue(GapRules.months(FormData.of(Map.of("periods", List.of("2022-08..2022-03")))).isEmpty());
        assertTrue(GapRules.months(FormData.of(Map.of("periods", List.of("2022-13..2023-01")))).isEmpty());
        assertTrue(GapRules.months(FormData.of(Map.of("periods", List.of("1900-01..2200-01")))).isEmpty());
    }
}
