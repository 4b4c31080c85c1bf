package org.shebao.engine.internal.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Charge;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.engine.internal.Messages;

/**
 * The ledger's generic writes in an approval: lines moved between the statuses the ledger allows by approval
 * (arrears approved for back-payment, or written off), and months charged for back-payment. Each checked, audited.
 */
@Component(service = LineMoves.class)
public class LineMoves {

    /** The moves an approval may make; the others belong to slips and payments. */
    private static final Map<LineStatus, Set<LineStatus>> ALLOWED = Map.of(
            LineStatus.ARREARS, Set.of(LineStatus.PAYABLE, LineStatus.WRITTEN_OFF));

    private final Settlement settlement;
    private final LineQueries queries;
    private final Clock clock;

    @Activate
    public LineMoves(@Reference Settlement settlement, @Reference LineQueries queries, @Reference Clock clock) {
        this.settlement = settlement;
        this.queries = queries;
        this.clock = clock;
    }

    /** The person's lines settled on the day, then the chosen ones checked to be the person's and in the statuses. */
    List<LedgerLineEntity> toWrite(EntityManager em, String idNumber, List<Long> lineIds, Set<LineStatus> statuses,
            LocalDate today) {
        settlement.settle(em, idNumber, today);
        return queries.checked(em, idNumber, lineIds, statuses, LineStates.of(em, idNumber, today));
    }

    List<LedgerLine> move(EntityManager em, String idNumber, List<Long> lineIds, LineStatus from, LineStatus to,
            Actor actor) {
        if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
            throw new IllegalArgumentException("lines do not move from " + from + " to " + to + " by approval");
        }
        LocalDate today = LocalDate.now(clock);
        List<LedgerLineEntity> lines = toWrite(em, idNumber, lineIds, Set.of(from), today);
        LineStates states = LineStates.of(em, idNumber, today);
        String district = em.find(PersonEntity.class, idNumber).district;
        List<LedgerLine> before = lines.stream().map(l -> queries.toLine(l, district, today, states)).toList();
        long now = clock.millis();
        for (LedgerLineEntity l : lines) {
            l.status = to;
            l.updatedAt = now;
        }
        actor.audit(em, idNumber, to.name(), describe(lines), now);
        return before;
    }

    void charge(EntityManager em, String idNumber, List<Charge> charges, Actor actor) {
        if (charges.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "no-months", Messages.text("records.gap.none"),
                    List.of(new FieldError("months", Messages.text("records.gap.none"))));
        }
        settlement.settle(em, idNumber, LocalDate.now(clock));
        long now = clock.millis();
        for (Charge charge : charges) {
            List<LedgerLineEntity> existing = em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p"
                    + " AND l.insuranceType = :t AND l.kind = :regular AND l.contributionMonth = :m", LedgerLineEntity.class)
                    .setParameter("p", idNumber).setParameter("t", charge.type().code())
                    .setParameter("regular", LineKind.REGULAR).setParameter("m", Months.of(charge.month())).getResultList();
            LedgerLineEntity line;
            if (existing.isEmpty()) {
                line = new LedgerLineEntity(idNumber, charge.type(), charge.month(), LineStatus.PAYABLE, now);
                em.persist(line);
            } else if (existing.get(0).status == LineStatus.WRITTEN_OFF) {
                // a written-off month charged again: the write-off stays in the audit trail
                line = existing.get(0);
                line.status = LineStatus.PAYABLE;
                line.updatedAt = now;
            } else {
                throw new ShebaoException(Kind.CONFLICT, "not-a-gap", Messages.text("records.gap.notGap", charge.month().toString()));
            }
            line.base = charge.base().setScale(2);
            line.amount = Rates.money(charge.amount());
            line.interest = Rates.money(charge.interest());
            line.tierPercent = charge.tierPercent();
            line.ratesYear = charge.ratesYear();
            line.provisionalFor = charge.provisionalFor();
            line.origin = LedgerLineEntity.Origin.GAP;
        }
        actor.audit(em, idNumber, "CHARGED", charges.stream().map(c -> c.type().code() + "/" + c.month() + " " + c.total())
                .collect(Collectors.joining(", ")), now);
    }

    static String describe(List<LedgerLineEntity> lines) {
        return lines.stream().map(l -> l.insuranceType + "/" + l.month() + "#" + l.id).collect(Collectors.joining(", "));
    }
}
