package org.shebao.api.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * A person's arrears (核定后欠费信息): totals per type over every arrears line, and one page of the lines.
 *
 * @param totals per type, over all lines of the query
 * @param total  the sum of the totals
 * @param items  the page's lines, oldest first
 * @param count  how many lines the query has
 * @param page   the page number, from 0
 * @param size   the page size
 */
public record Arrears(List<TypeTotal> totals, BigDecimal total, List<LedgerLine> items, long count, int page, int size) {

    public Arrears {
        totals = List.copyOf(totals);
        items = List.copyOf(items);
    }
}
