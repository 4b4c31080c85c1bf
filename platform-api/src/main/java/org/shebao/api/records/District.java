package org.shebao.api.records;

import org.shebao.api.i18n.Text;

/**
 * A district of the city (GB/T 2260 code), as configured.
 *
 * @param code six digits, {@code 420102}
 * @param name its name, 江岸区 / Jiang'an District
 */
public record District(String code, Text name) {
}
