package org.shebao.engine.internal.records;

import java.time.YearMonth;

/** Months as stored: {@code yyyymm} integers, which sort as months do. */
final class Months {

    private Months() {
    }

    static int of(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    static YearMonth at(int yyyymm) {
        return YearMonth.of(yyyymm / 100, yyyymm % 100);
    }
}
