package org.shebao.plugin.gappayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.shebao.api.records.Enrolment;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;

/**
 * Pension gaps (DOMAIN-RULES.md): past months after the first pension enrolment with no 110 line that is DUE, PAID,
 * ARREARS, PAYABLE or ON_SLIP — missing, suspended and written-off months alike. A month of the current paying period
 * is owed, not a gap, even before the ledger job has reached it.
 */
final class GapFinder {

    private GapFinder() {
    }

    /**
     * @param pension  the pension enrolment
     * @param lines    the person's regular 110 lines, in any status
     * @param from     the first month asked for, if any
     * @param today    the day
     * @param lookBack how many months back a gap may be back-paid
     */
    static List<GapMonth> gaps(Enrolment pension, List<LedgerLine> lines, Optional<YearMonth> from, LocalDate today,
            int lookBack) {
        Set<YearMonth> covered = new HashSet<>();
        Set<YearMonth> writtenOff = new HashSet<>();
        for (LedgerLine l : lines) {
            (l.status() == LineStatus.WRITTEN_OFF ? writtenOff : covered).add(l.month());
        }
        YearMonth current = YearMonth.from(today);
        YearMonth earliest = current.minusMonths(lookBack);
        YearMonth start = from.filter(f -> f.isAfter(pension.start())).orElse(pension.start());
        List<GapMonth> gaps = new ArrayList<>();
        for (YearMonth m = start; m.isBefore(current); m = m.plusMonths(1)) {
            boolean owed = pension.paying() && !m.isBefore(pension.payingFrom());
            if (writtenOff.contains(m) || (!covered.contains(m) && !owed)) {
                gaps.add(new GapMonth(m, !m.isBefore(earliest)));
            }
        }
        return gaps;
    }
}
