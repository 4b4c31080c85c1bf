package org.shebao.api.records;

import java.math.BigDecimal;
import java.util.List;

/** Chosen ledger lines as assessed now: the lines, totals per type and the grand total. */
public record LinesAssessment(List<LedgerLine> lines, List<TypeTotal> totals, BigDecimal total) {

    public LinesAssessment {
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
    }

    /** Whether any line is at provisional rates. */
    public boolean provisional() {
        return lines.stream().anyMatch(LedgerLine::provisional);
    }
}
