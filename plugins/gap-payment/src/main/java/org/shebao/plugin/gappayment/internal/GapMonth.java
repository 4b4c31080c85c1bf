package org.shebao.plugin.gappayment.internal;

import java.time.YearMonth;

/**
 * A past pension month after the first enrolment with no covering ledger line (中断期).
 *
 * @param month       the month
 * @param backPayable whether it is within the configured look-back and may be back-paid now
 */
record GapMonth(YearMonth month, boolean backPayable) {
}
