package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.EntityManager;

import org.shebao.api.records.LineStatus;
import org.shebao.api.records.SlipStatus;

/**
 * Lines and slips as they stand at a moment, whatever the ledger job has persisted yet: at 00:00:05 on the 1st a
 * month due is already arrears and a slip past its last valid day already expired (its lines PAYABLE again).
 * Reads go through this; writes persist the same first ({@link RecordsStore#settle}).
 */
final class LineStates {

    private final YearMonth lastArrears;
    private final LocalDate today;
    private final EntityManager em;
    private final String idNumber;
    private Set<String> expiredSlips;

    private LineStates(EntityManager em, String idNumber, LocalDate today) {
        this.em = em;
        this.idNumber = idNumber;
        this.today = today;
        this.lastArrears = lastArrearsMonth(today);
    }

    /**
     * The person's lines on the day, in the transaction of the entity manager. The person's expired slips are read
     * once, when a line on a slip is first looked at: most answers have none (one statement fewer).
     */
    static LineStates of(EntityManager em, String idNumber, LocalDate today) {
        return new LineStates(em, idNumber, today);
    }

    private Set<String> expiredSlips() {
        if (expiredSlips == null) {
            expiredSlips = new HashSet<>(em.createQuery("SELECT s.voucherNo FROM SlipEntity s WHERE s.idNumber = :p"
                    + " AND s.status = :issued AND s.validUntil < :today", String.class)
                    .setParameter("p", idNumber).setParameter("issued", SlipStatus.ISSUED).setParameter("today", today)
                    .getResultList());
        }
        return expiredSlips;
    }

    /** The last month whose unpaid amount due is arrears on the day: M is arrears after the last day of M+1. */
    static YearMonth lastArrearsMonth(LocalDate today) {
        return YearMonth.from(today).minusMonths(2);
    }

    LineStatus of(LedgerLineEntity l) {
        LineStatus stored = l.status;
        if (stored == LineStatus.DUE && !Months.at(l.dueMonth).isAfter(lastArrears)) {
            return LineStatus.ARREARS;
        }
        if (stored == LineStatus.ON_SLIP && expiredSlips().contains(l.voucherNo)) {
            return LineStatus.PAYABLE;
        }
        return stored;
    }

    /** The slip the line is on, or was paid with; none once that slip expired. */
    String voucherOf(LedgerLineEntity l) {
        LineStatus status = of(l);
        return status == LineStatus.ON_SLIP || status == LineStatus.PAID ? l.voucherNo : null;
    }

    /** A slip's status on the day. */
    static SlipStatus of(SlipEntity s, LocalDate day) {
        SlipStatus stored = s.status;
        return stored == SlipStatus.ISSUED && s.validUntil.isBefore(day) ? SlipStatus.EXPIRED : stored;
    }

    SlipStatus of(SlipEntity s) {
        return of(s, today);
    }

    /** The stored statuses that may stand for the wanted ones now. */
    static Set<LineStatus> stored(Collection<LineStatus> wanted) {
        Set<LineStatus> out = EnumSet.noneOf(LineStatus.class);
        out.addAll(wanted);
        if (wanted.contains(LineStatus.ARREARS)) {
            out.add(LineStatus.DUE);
        }
        if (wanted.contains(LineStatus.PAYABLE)) {
            out.add(LineStatus.ON_SLIP);
        }
        return out;
    }
}
