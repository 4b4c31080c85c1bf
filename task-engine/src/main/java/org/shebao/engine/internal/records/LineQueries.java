package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.engine.internal.Messages;

/** A person's ledger lines as the businesses read them: by query, or as chosen (checked), each as it stands on the day. */
@Component(service = LineQueries.class)
public class LineQueries {

    private final RatesRegistry rates;

    @Activate
    public LineQueries(@Reference RatesRegistry rates) {
        this.rates = rates;
    }

    List<LedgerLine> lines(EntityManager em, String idNumber, LineQuery query, LocalDate today) {
        PersonEntity p = idNumber == null ? null : em.find(PersonEntity.class, idNumber);
        if (query.statuses().isEmpty() || query.kinds().isEmpty() || p == null) {
            return List.of();
        }
        List<String> types = query.type().map(t -> t.enrolment() == InsuranceType.MEDICAL
                ? List.of(InsuranceType.MEDICAL.code(), InsuranceType.MAJOR_ILLNESS.code()) : List.of(t.code()))
                .orElse(List.of("110", "310", "330"));
        LineStates states = LineStates.of(em, idNumber, today);
        return em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p AND l.status IN :s"
                + " AND l.insuranceType IN :t AND l.kind IN :k AND l.contributionMonth BETWEEN :from AND :to"
                + " ORDER BY l.contributionMonth, l.insuranceType, l.kind DESC", LedgerLineEntity.class)
                .setParameter("p", idNumber).setParameter("s", new ArrayList<>(LineStates.stored(query.statuses())))
                .setParameter("t", types).setParameter("k", new ArrayList<>(query.kinds()))
                .setParameter("from", query.from().map(Months::of).orElse(0))
                .setParameter("to", query.to().map(Months::of).orElse(999_999)).getResultList().stream()
                .filter(l -> query.statuses().contains(states.of(l))).map(l -> toLine(l, p.district, today, states)).toList();
    }

    List<LedgerLine> chosen(EntityManager em, String idNumber, List<Long> lineIds, Set<LineStatus> statuses, LocalDate today) {
        PersonEntity p = em.find(PersonEntity.class, idNumber);
        String district = p == null ? null : p.district;
        LineStates states = LineStates.of(em, idNumber, today);
        return checked(em, idNumber, lineIds, statuses, states).stream().map(l -> toLine(l, district, today, states)).toList();
    }

    /** The lines, each the person's and in one of the statuses now, in month order; refused otherwise. */
    List<LedgerLineEntity> checked(EntityManager em, String idNumber, List<Long> lineIds, Set<LineStatus> statuses,
            LineStates states) {
        Set<Long> ids = new LinkedHashSet<>(lineIds);
        if (ids.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "no-lines", Messages.text("records.lines.none"),
                    List.of(new FieldError("lines", Messages.text("records.lines.none"))));
        }
        List<LedgerLineEntity> found = em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.id IN :ids"
                + " ORDER BY l.contributionMonth, l.insuranceType, l.kind DESC", LedgerLineEntity.class)
                .setParameter("ids", new ArrayList<>(ids)).getResultList();
        Set<Long> foundIds = found.stream().map(l -> l.id).collect(Collectors.toSet());
        for (Long id : ids) {
            if (!foundIds.contains(id)) {
                throw missing(id);
            }
        }
        for (LedgerLineEntity l : found) {
            if (!l.idNumber.equals(idNumber)) {
                throw missing(l.id);
            }
            LineStatus status = states.of(l);
            if (!statuses.contains(status)) {
                throw new ShebaoException(Kind.CONFLICT, "line-state", Messages.text("records.line.state",
                        l.month().toString(), l.type().label(), status.label()));
            }
        }
        return found;
    }

    private static ShebaoException missing(long id) {
        return new ShebaoException(Kind.NOT_FOUND, "line-missing", Messages.text("records.line.missing", String.valueOf(id)));
    }

    /** The late fee of an unpaid line on the day, from its due month (a month charged for back-payment bears none). */
    BigDecimal lateFee(LedgerLineEntity l, String district, LocalDate today) {
        if (l.origin == LedgerLineEntity.Origin.GAP || l.amount.signum() <= 0 || district == null) {
            return Rates.money(BigDecimal.ZERO);
        }
        YearMonth month = l.month();
        return rates.rates(district, Year.of(month.getYear())).lateFee(l.amount, Months.at(l.dueMonth), today);
    }

    LedgerLine toLine(LedgerLineEntity l, String district, LocalDate today, LineStates states) {
        LineStatus status = states.of(l);
        BigDecimal fee = status == LineStatus.ARREARS || status == LineStatus.PAYABLE ? lateFee(l, district, today)
                : Rates.money(BigDecimal.ZERO);
        return new LedgerLine(l.id, l.type(), l.month(), l.base, l.amount, fee, Rates.money(l.interest), status,
                states.voucherOf(l), l.kind, l.ratesYear, l.provisionalFor != null, l.paidOn);
    }
}
