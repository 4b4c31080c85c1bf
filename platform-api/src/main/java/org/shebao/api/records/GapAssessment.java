package org.shebao.api.records;

import java.math.BigDecimal;
import java.util.List;

/** Chosen gap months as assessed now (核定缴费). */
public record GapAssessment(List<GapCharge> months, BigDecimal amount, BigDecimal interest, BigDecimal total) {

    public GapAssessment {
        months = List.copyOf(months);
    }

    /** Whether any month is charged at provisional rates. */
    public boolean provisional() {
        return months.stream().anyMatch(GapCharge::provisional);
    }

    /** The rates year of the provisional charges (else of the first charge), or 0 when there is none. */
    public int ratesYear() {
        return months.stream().filter(GapCharge::provisional).findFirst().or(() -> months.stream().findFirst())
                .map(GapCharge::ratesYear).orElse(0);
    }
}
