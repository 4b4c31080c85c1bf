package org.shebao.api.records;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a person's ledger lines: in the statuses (as they stand on the day), of one type (310 brings its 330
 * lines) or all, from and to a month, of the kinds.
 */
public record LineQuery(Set<LineStatus> statuses, Optional<InsuranceType> type, Optional<YearMonth> from,
        Optional<YearMonth> to, Set<LineKind> kinds) {

    public LineQuery {
        statuses = Set.copyOf(statuses);
        kinds = Set.copyOf(kinds);
    }

    /** Every line of every type, month and kind. */
    public static LineQuery all() {
        return new LineQuery(EnumSet.allOf(LineStatus.class), Optional.empty(), Optional.empty(), Optional.empty(),
                EnumSet.allOf(LineKind.class));
    }

    /** Every line in the statuses. */
    public static LineQuery in(LineStatus first, LineStatus... more) {
        return all().statuses(EnumSet.of(first, more));
    }

    public LineQuery statuses(Set<LineStatus> wanted) {
        return new LineQuery(wanted, type, from, to, kinds);
    }

    public LineQuery type(Optional<InsuranceType> wanted) {
        return new LineQuery(statuses, wanted, from, to, kinds);
    }

    public LineQuery type(InsuranceType wanted) {
        return type(Optional.of(wanted));
    }

    public LineQuery from(Optional<YearMonth> month) {
        return new LineQuery(statuses, type, month, to, kinds);
    }

    public LineQuery to(Optional<YearMonth> month) {
        return new LineQuery(statuses, type, from, month, kinds);
    }

    public LineQuery kinds(Set<LineKind> wanted) {
        return new LineQuery(statuses, type, from, to, wanted);
    }

    /** The month's contributions only: no difference or credit lines. */
    public LineQuery regular() {
        return kinds(Set.of(LineKind.REGULAR));
    }
}
