package org.shebao.engine.internal.certificate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.shebao.api.records.InsuranceType;

/** A run of consecutive paid months of one insurance type, as a certificate states it. */
public record PaidPeriod(InsuranceType type, YearMonth from, YearMonth to, int months) {

    /** The paid months grouped into runs per type (in type order), each run's months consecutive. */
    public static List<PaidPeriod> of(Map<InsuranceType, ? extends Iterable<YearMonth>> paid) {
        List<PaidPeriod> periods = new ArrayList<>();
        new TreeMap<>(paid).forEach((type, months) -> {
            TreeSet<YearMonth> sorted = new TreeSet<>();
            months.forEach(sorted::add);
            YearMonth from = null;
            YearMonth last = null;
            for (YearMonth m : sorted) {
                if (from != null && !m.equals(last.plusMonths(1))) {
                    periods.add(new PaidPeriod(type, from, last, span(from, last)));
                    from = null;
                }
                if (from == null) {
                    from = m;
                }
                last = m;
            }
            if (from != null) {
                periods.add(new PaidPeriod(type, from, last, span(from, last)));
            }
        });
        return periods;
    }

    private static int span(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }

    /** As stored with the certificate: {@code 110:2016-01:2022-02:74}. */
    String encode() {
        return type.code() + ":" + from + ":" + to + ":" + months;
    }

    static PaidPeriod decode(String text) {
        String[] p = text.split(":");
        return new PaidPeriod(InsuranceType.ofCode(p[0]).orElseThrow(), YearMonth.parse(p[1]), YearMonth.parse(p[2]),
                Integer.parseInt(p[3]));
    }
}
