package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.notify.NotificationKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.SlipStatus;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.notify.Inbox;

/**
 * Payments of slips, in the caller's transaction (DOMAIN-RULES "Payments"): the slip row is locked, so that a
 * payment, a cancellation and the ledger job's expiry of the same slip happen one after the other. Expiry is judged
 * at the day the money was paid: a slip paid on its last valid day applies whenever the report arrives, even after
 * the ledger job expired it, as long as none of its lines has moved on since.
 */
@Component(service = SlipPayments.class)
public class SlipPayments {

    /** The slip's citizen and their district. */
    public record Owner(String idNumber, String district) {
    }

    private final Clock clock;
    private final Inbox inbox;

    @Activate
    public SlipPayments(@Reference Clock clock, @Reference Inbox inbox) {
        this.clock = clock;
        this.inbox = inbox;
    }

    /** Who the slip is for; empty for an unknown voucher. */
    public Optional<Owner> owner(EntityManager em, String voucherNo) {
        SlipEntity slip = em.find(SlipEntity.class, voucherNo);
        if (slip == null) {
            return Optional.empty();
        }
        PersonEntity p = em.find(PersonEntity.class, slip.idNumber);
        return Optional.of(new Owner(slip.idNumber, p == null ? null : p.district));
    }

    /** The slip's total, when there is such a slip. */
    public Optional<BigDecimal> total(EntityManager em, String voucherNo) {
        return Optional.ofNullable(em.find(SlipEntity.class, voucherNo)).map(s -> s.total);
    }

    /**
     * Applies the payment: the slip and each of its lines PAID on the day, with the reference; or says why not
     * (nothing changed then).
     */
    public Optional<PaymentRefusal> apply(EntityManager em, String voucherNo, BigDecimal amount, LocalDate paidOn,
            String paymentRef, String by) {
        SlipEntity slip = em.find(SlipEntity.class, voucherNo, LockModeType.PESSIMISTIC_WRITE);
        Optional<PaymentRefusal> refused = refusal(slip, amount, paidOn);
        if (refused.isPresent()) {
            return refused;
        }
        List<LedgerLineEntity> lines = slip.status == SlipStatus.ISSUED ? Settlement.onSlip(em, voucherNo) : released(em, slip);
        if (lines.isEmpty()) {
            return Optional.of(PaymentRefusal.EXPIRED);
        }
        slip.status = SlipStatus.PAID;
        slip.paymentRef = paymentRef;
        slip.closedOn = paidOn;
        slip.closedBy = by;
        long now = clock.millis();
        for (LedgerLineEntity l : lines) {
            l.status = LineStatus.PAID;
            l.voucherNo = voucherNo;
            l.paymentRef = paymentRef;
            l.paidOn = paidOn;
            l.updatedAt = now;
        }
        Actor.of(by).audit(em, slip.idNumber, "SLIP_PAID", voucherNo + " " + amount + " " + paymentRef + " " + paidOn, now);
        inbox.post(em, slip.idNumber, NotificationKind.PAYMENT_APPLIED, Messages.text("notify.paymentApplied", voucherNo,
                slip.total.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()), "#/records", voucherNo);
        em.flush();
        return Optional.empty();
    }

    private static Optional<PaymentRefusal> refusal(SlipEntity slip, BigDecimal amount, LocalDate paidOn) {
        if (slip == null) {
            return Optional.of(PaymentRefusal.UNKNOWN_VOUCHER);
        }
        if (slip.status == SlipStatus.PAID) {
            return Optional.of(PaymentRefusal.ALREADY_PAID);
        }
        if (slip.status == SlipStatus.CANCELLED) {
            return Optional.of(PaymentRefusal.CANCELLED);
        }
        if (paidOn.isAfter(slip.validUntil) || paidOn.isBefore(slip.issuedOn)) {
            return Optional.of(PaymentRefusal.EXPIRED);
        }
        if (amount.compareTo(slip.total) != 0) {
            return Optional.of(PaymentRefusal.AMOUNT_MISMATCH);
        }
        return Optional.empty();
    }

    /** An expired slip's lines, when every one is still payable and on no other slip; else none. */
    private static List<LedgerLineEntity> released(EntityManager em, SlipEntity slip) {
        List<LedgerLineEntity> lines = em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.id IN"
                + " (SELECT s.lineId FROM SlipLineEntity s WHERE s.voucherNo = :v)", LedgerLineEntity.class)
                .setParameter("v", slip.voucherNo).getResultList();
        boolean intact = lines.stream().allMatch(l -> l.status == LineStatus.PAYABLE && l.voucherNo == null);
        return intact ? lines : List.of();
    }
}
