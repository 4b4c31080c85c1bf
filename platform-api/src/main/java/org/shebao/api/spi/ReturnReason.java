package org.shebao.api.spi;

import org.shebao.api.i18n.Text;

/**
 * A reason of the dictionary reviewers pick from when they return a task (DOMAIN-RULES.md, Review).
 *
 * @param code  stable, for statistics ({@code AGE_LIMIT})
 * @param label what the reviewer picks and the citizen reads
 */
public record ReturnReason(String code, Text label) {
}
