package org.shebao.api.records;

import java.math.BigDecimal;
import java.util.List;

/** Chosen gap months as assessed now (核定缴费). */
public record GapAssessment(List<GapCharge> months, BigDecimal amount, BigDecimal interest, BigDecimal total) {

    public GapAssessment {
        months = List.copyOf(months);
    }
}
