package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Page;

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
        LineStates states = LineStates.of(em, idNumber, today);
        return select(em, LedgerLineEntity.class, "l", idNumber, query, Conditions.EVERY,
                " ORDER BY l.contributionMonth, l.insuranceType, l.kind DESC")
                .getResultList().stream().filter(l -> query.statuses().contains(states.of(l)))
                .map(l -> toLine(l, p.district, today, states)).toList();
    }

    /**
     * One page of the lines, newest month first. The database pages when the stored statuses stand for exactly the
     * wanted ones (no status asked, or DUE with ARREARS and ON_SLIP with PAYABLE); otherwise the few lines in those
     * statuses are read and paged here.
     */
    Page<LedgerLine> page(EntityManager em, String idNumber, LineQuery query, LocalDate today, int page, int size) {
        PersonEntity p = idNumber == null ? null : em.find(PersonEntity.class, idNumber);
        if (query.statuses().isEmpty() || query.kinds().isEmpty() || p == null) {
            return new Page<>(List.of(), 0, page, size);
        }
        if (!LineStates.stored(query.statuses()).equals(Set.copyOf(query.statuses()))) {
            List<LedgerLine> all = lines(em, idNumber, query, today).stream()
                    .sorted(Comparator.comparing(LedgerLine::month).reversed()).toList();
            return new Page<>(all.stream().skip((long) page * size).limit(size).toList(), all.size(), page, size);
        }
        LineStates states = LineStates.of(em, idNumber, today);
        long total = select(em, Long.class, "COUNT(l.contributionMonth)", idNumber, query, Conditions.RESTRICTING, "")
                .getSingleResult();
        List<LedgerLine> items = select(em, LedgerLineEntity.class, "l", idNumber, query, Conditions.RESTRICTING,
                " ORDER BY l.contributionMonth DESC, l.insuranceType, l.kind DESC")
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(l -> toLine(l, p.district, today, states)).toList();
        return new Page<>(items, total, page, size);
    }

    /** The number of months paid (regular lines) by insurance type code. */
    Map<String, Integer> paidMonths(EntityManager em, String idNumber) {
        Map<String, Integer> paid = new TreeMap<>();
        em.createQuery("SELECT l.insuranceType, COUNT(l) FROM LedgerLineEntity l WHERE l.idNumber = :p AND l.status = :paid"
                + " AND l.kind = :regular GROUP BY l.insuranceType", Object[].class)
                .setParameter("p", idNumber).setParameter("paid", LineStatus.PAID).setParameter("regular", LineKind.REGULAR)
                .getResultList().forEach(row -> paid.put((String) row[0], ((Number) row[1]).intValue()));
        return paid;
    }

    /**
     * The conditions a query names: every one, or only those some line fails. A page of every status and kind is then
     * counted in SB_LEDGER_MONTH alone (COUNT(l) would count the IDs, which it has not) and read in its order, newest
     * month first, the database stopping after the page instead of reading and sorting every line of the person.
     */
    private enum Conditions { EVERY, RESTRICTING }

    private static <T> TypedQuery<T> select(EntityManager em, Class<T> result, String what, String idNumber, LineQuery query,
            Conditions conditions, String order) {
        List<String> types = query.type().map(t -> t.enrolment() == InsuranceType.MEDICAL
                ? List.of(InsuranceType.MEDICAL.code(), InsuranceType.MAJOR_ILLNESS.code()) : List.of(t.code()))
                .orElse(List.of("110", "310", "330"));
        Set<LineStatus> statuses = LineStates.stored(query.statuses());
        boolean byStatus = conditions == Conditions.EVERY || statuses.size() < LineStatus.values().length;
        boolean byKind = conditions == Conditions.EVERY || query.kinds().size() < LineKind.values().length;
        TypedQuery<T> q = em.createQuery("SELECT " + what + " FROM LedgerLineEntity l WHERE l.idNumber = :p"
                + (byStatus ? " AND l.status IN :s" : "") + " AND l.insuranceType IN :t" + (byKind ? " AND l.kind IN :k" : "")
                + " AND l.contributionMonth BETWEEN :from AND :to" + order, result)
                .setParameter("p", idNumber).setParameter("t", types)
                .setParameter("from", query.from().map(Months::of).orElse(0))
                .setParameter("to", query.to().map(Months::of).orElse(999_999));
        if (byStatus) {
            q.setParameter("s", new ArrayList<>(statuses));
        }
        return byKind ? q.setParameter("k", new ArrayList<>(query.kinds())) : q;
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
