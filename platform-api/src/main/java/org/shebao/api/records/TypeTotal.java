package org.shebao.api.records;

import java.math.BigDecimal;

/** A total per insurance type: how many months and how much. */
public record TypeTotal(InsuranceType type, int months, BigDecimal amount) {
}
