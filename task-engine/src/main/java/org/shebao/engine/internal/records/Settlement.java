package org.shebao.engine.internal.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.SlipStatus;

/**
 * Persists what the day has made of a person's lines and slips (reads already show it, {@link LineStates}): amounts
 * due unpaid after the last day of the following month become arrears, overdue slips expire and their lines return to
 * PAYABLE. Every write on a person's lines does this first; the ledger job does it for everyone.
 */
@Component(service = Settlement.class)
public class Settlement {

    private final Clock clock;

    @Activate
    public Settlement(@Reference Clock clock) {
        this.clock = clock;
    }

    /** @return how many lines and slips changed */
    int settle(EntityManager em, String idNumber, LocalDate today) {
        int changed = 0;
        // the slips first, then the lines: the order in which a payment locks them (its slip, then the slip's lines)
        for (SlipEntity slip : em.createQuery("SELECT s FROM SlipEntity s WHERE s.idNumber = :p AND s.status = :issued"
                + " AND s.validUntil < :today", SlipEntity.class).setParameter("p", idNumber)
                .setParameter("issued", SlipStatus.ISSUED).setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            // locked: a payment of the slip reported meanwhile has either come first (PAID) or waits for this
            if (slip.status == SlipStatus.ISSUED) {
                release(em, slip, SlipStatus.EXPIRED, Actor.SYSTEM, today, clock.millis());
                changed++;
            }
        }
        changed += em.createQuery("UPDATE LedgerLineEntity l SET l.status = :arrears, l.version = l.version + 1,"
                + " l.updatedAt = :now WHERE l.idNumber = :p AND l.status = :due AND l.dueMonth <= :late")
                .setParameter("arrears", LineStatus.ARREARS).setParameter("due", LineStatus.DUE)
                .setParameter("now", clock.millis()).setParameter("p", idNumber)
                .setParameter("late", Months.of(LineStates.lastArrearsMonth(today))).executeUpdate();
        return changed;
    }

    /** Cancelled or expired: the slip closes and its lines return to PAYABLE. */
    static void release(EntityManager em, SlipEntity slip, SlipStatus status, Actor by, LocalDate today, long now) {
        slip.status = status;
        slip.closedBy = by.login();
        slip.closedOn = today;
        for (LedgerLineEntity l : onSlip(em, slip.voucherNo)) {
            l.status = LineStatus.PAYABLE;
            l.voucherNo = null;
            l.updatedAt = now;
        }
        by.audit(em, slip.idNumber, "SLIP_" + status.name(), slip.voucherNo, now);
    }

    /** The ledger lines still on the slip. */
    static List<LedgerLineEntity> onSlip(EntityManager em, String voucherNo) {
        return em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.voucherNo = :v AND l.status = :onSlip",
                LedgerLineEntity.class).setParameter("v", voucherNo).setParameter("onSlip", LineStatus.ON_SLIP)
                .getResultList();
    }
}
