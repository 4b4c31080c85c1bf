package org.shebao.engine.internal.certificate;

import static org.junit.Assert.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.shebao.api.records.InsuranceType;

public class PaidPeriodTest {

    private static YearMonth m(String s) {
        return YearMonth.parse(s);
    }

    @Test
    public void consecutiveMonthsMakeOnePeriodAndAGapStartsANewOneAcrossTheYear() {
        List<PaidPeriod> periods = PaidPeriod.of(Map.of(
                InsuranceType.MEDICAL, List.of(m("2026-01")),
                InsuranceType.PENSION, List.of(m("2021-12"), m("2021-11"), m("2022-01"), m("2022-03"), m("2022-03"))));
        assertEquals(List.of(new PaidPeriod(InsuranceType.PENSION, m("2021-11"), m("2022-01"), 3),
                new PaidPeriod(InsuranceType.PENSION, m("2022-03"), m("2022-03"), 1),
                new PaidPeriod(InsuranceType.MEDICAL, m("2026-01"), m("2026-01"), 1)), periods);
        assertEquals(periods.get(0), PaidPeriod.decode(periods.get(0).encode()));
        assertEquals(List.of(), PaidPeriod.of(Map.of()));
    }

    @Test
    public void aThirdPartySeesTheFirstCharacterAndTheRegionAndLastFourDigits() {
        assertEquals("王*", Masks.name("王强"));
        assertEquals("欧**", Masks.name("欧阳娜"));
        assertEquals("𠀋*", Masks.name("𠀋强"));
        assertEquals("420111********0334", Masks.idNumber("420111197811020334"));
        assertEquals("110105********002X", Masks.idNumber("11010519491231002X"));
    }
}
