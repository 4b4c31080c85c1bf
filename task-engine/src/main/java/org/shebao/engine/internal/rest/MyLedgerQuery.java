package org.shebao.engine.internal.rest;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.engine.internal.Messages;

/** The filters of a citizen's ledger: months from and to, a type (110, 310 with its 330, or 330), a status. */
final class MyLedgerQuery {

    private MyLedgerQuery() {
    }

    static LineQuery of(Optional<YearMonth> from, Optional<YearMonth> to, String type, String status) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw bad("to", "records.filter.range");
        }
        LineQuery query = LineQuery.all().from(from).to(to);
        if (type != null && !type.isBlank()) {
            query = query.type(InsuranceType.ofCode(type.trim()).orElseThrow(() -> bad("insuranceType", "records.filter.type")));
        }
        if (status != null && !status.isBlank()) {
            LineStatus wanted = EnumSet.allOf(LineStatus.class).stream().filter(s -> s.name().equals(status.trim())).findFirst()
                    .orElseThrow(() -> bad("status", "records.filter.status"));
            query = query.statuses(EnumSet.of(wanted));
        }
        return query;
    }

    private static ShebaoException bad(String field, String key) {
        return new ShebaoException(Kind.BAD_INPUT, "bad-filter", Messages.text(key),
                List.of(new FieldError(field, Messages.text(key))));
    }
}
