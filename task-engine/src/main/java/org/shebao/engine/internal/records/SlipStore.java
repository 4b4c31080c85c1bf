package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;
import org.shebao.api.records.SlipStatus;
import org.shebao.engine.internal.Messages;

/**
 * Payment slips (缴费凭单): issued from PAYABLE lines, valid for the configured days counting the day of issue,
 * cancelled by the district office, paid at the post office; expired by {@link Settlement}.
 */
@Component(service = SlipStore.class)
public class SlipStore {

    private final RatesRegistry rates;
    private final PersonStore persons;
    private final LineMoves lines;
    private final LineQueries queries;
    private final Settlement settlement;
    private final SlipPayments payments;
    private final Clock clock;

    @Activate
    public SlipStore(@Reference RatesRegistry rates, @Reference PersonStore persons, @Reference LineMoves lines,
            @Reference LineQueries queries, @Reference Settlement settlement, @Reference SlipPayments payments,
            @Reference Clock clock) {
        this.rates = rates;
        this.persons = persons;
        this.lines = lines;
        this.queries = queries;
        this.settlement = settlement;
        this.payments = payments;
        this.clock = clock;
    }

    Slip issue(EntityManager em, String idNumber, List<Long> lineIds, LocalDate today) {
        PersonEntity p = persons.require(em, idNumber);
        List<LedgerLineEntity> chosen = lines.toWrite(em, idNumber, lineIds, Set.of(LineStatus.PAYABLE), today);
        String voucherNo;
        do {
            voucherNo = Vouchers.next(today);
        } while (em.find(SlipEntity.class, voucherNo) != null);
        List<SlipLineEntity> slipLines = new ArrayList<>();
        BigDecimal total = Rates.money(BigDecimal.ZERO);
        for (LedgerLineEntity l : chosen) {
            SlipLineEntity sl = new SlipLineEntity(voucherNo, l, queries.lateFee(l, p.district, today));
            slipLines.add(sl);
            total = total.add(sl.amount).add(sl.lateFee).add(sl.interest);
        }
        int validDays = rates.rates(p.district, Year.of(today.getYear())).rules().slipValidDays();
        // valid for the configured days counting the day of issue: issued 12-02, valid through 12-31 (30 days)
        SlipEntity slip = new SlipEntity(voucherNo, idNumber, today, today.plusDays(validDays - 1L), total);
        em.persist(slip);
        slipLines.forEach(em::persist);
        long now = clock.millis();
        for (LedgerLineEntity l : chosen) {
            l.status = LineStatus.ON_SLIP;
            l.voucherNo = voucherNo;
            l.updatedAt = now;
        }
        Actor.of(idNumber).audit(em, idNumber, "SLIP_ISSUED", voucherNo + " " + total + ": " + LineMoves.describe(chosen), now);
        em.flush();
        return toSlip(em, slip, p, today);
    }

    Slip cancel(EntityManager em, String voucherNo, String by, LocalDate today) {
        // the slip locked before the person's ledger is settled, as a payment of it locks the slip before its lines:
        // one order, so that a cancellation and a payment at once wait for each other instead of deadlocking
        SlipEntity found = voucherNo == null ? null : em.find(SlipEntity.class, voucherNo, LockModeType.PESSIMISTIC_WRITE);
        if (found != null) {
            settlement.settle(em, found.idNumber, today);
            em.flush();
        }
        SlipEntity slip = issued(em, voucherNo);
        Settlement.release(em, slip, SlipStatus.CANCELLED, Actor.of(by), today, clock.millis());
        em.flush();
        return toSlip(em, slip, em.find(PersonEntity.class, slip.idNumber), today);
    }

    /** A payment of the slip's total (the channel's path is {@link SlipPayments}); refused as the citizen reads it. */
    Slip recordPayment(EntityManager em, String voucherNo, String paymentRef, LocalDate paidOn) {
        if (paymentRef == null || paymentRef.isBlank()) {
            throw new ShebaoException(Kind.BAD_INPUT, "payment-ref-required", Messages.text("records.slip.paymentRef"),
                    List.of(new FieldError("paymentRef", Messages.text("records.slip.paymentRef"))));
        }
        SlipEntity slip = issued(em, voucherNo);
        Optional<PaymentRefusal> refused = payments.apply(em, voucherNo, slip.total, paidOn, paymentRef.trim(), "payment");
        if (refused.isPresent()) {
            throw new ShebaoException(Kind.CONFLICT, "slip-expired", Messages.text("records.slip.expired", voucherNo,
                    slip.validUntil.toString()));
        }
        return toSlip(em, slip, em.find(PersonEntity.class, slip.idNumber), paidOn);
    }

    /** The slip, locked (a payment or expiry of it waits), when it is issued; refused otherwise. */
    private static SlipEntity issued(EntityManager em, String voucherNo) {
        SlipEntity slip = voucherNo == null ? null : em.find(SlipEntity.class, voucherNo, LockModeType.PESSIMISTIC_WRITE);
        if (slip == null) {
            throw new ShebaoException(Kind.NOT_FOUND, "slip-missing", Messages.text("records.slip.notFound", voucherNo));
        }
        if (slip.status != SlipStatus.ISSUED) {
            throw new ShebaoException(Kind.CONFLICT, "slip-not-issued", Messages.text("records.slip.notIssued", voucherNo,
                    Messages.text("slip.status." + slip.status.name())));
        }
        return slip;
    }

    List<Slip> slips(EntityManager em, String idNumber) {
        PersonEntity p = idNumber == null ? null : em.find(PersonEntity.class, idNumber);
        if (p == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("SELECT s FROM SlipEntity s WHERE s.idNumber = :p ORDER BY s.issuedOn DESC, s.voucherNo",
                SlipEntity.class).setParameter("p", idNumber).getResultList().stream().map(s -> toSlip(em, s, p, today))
                .toList();
    }

    Optional<Slip> slip(EntityManager em, String voucherNo) {
        SlipEntity s = voucherNo == null ? null : em.find(SlipEntity.class, voucherNo);
        return s == null ? Optional.empty()
                : Optional.of(toSlip(em, s, em.find(PersonEntity.class, s.idNumber), LocalDate.now(clock)));
    }

    private static Slip toSlip(EntityManager em, SlipEntity s, PersonEntity p, LocalDate today) {
        List<SlipLine> lines = em.createQuery("SELECT l FROM SlipLineEntity l WHERE l.voucherNo = :v"
                + " ORDER BY l.contributionMonth, l.insuranceType, l.kind DESC", SlipLineEntity.class)
                .setParameter("v", s.voucherNo).getResultList().stream()
                .map(l -> new SlipLine(l.lineId, InsuranceType.ofCode(l.insuranceType).orElseThrow(),
                        Months.at(l.contributionMonth), l.base, l.amount, l.lateFee, l.interest, l.kind, l.ratesYear,
                        l.provisional)).toList();
        return new Slip(s.voucherNo, s.idNumber, p == null ? "" : p.name, p == null ? "" : p.district, s.issuedOn,
                s.validUntil, LineStates.of(s, today), lines, s.total, s.paymentRef);
    }
}
