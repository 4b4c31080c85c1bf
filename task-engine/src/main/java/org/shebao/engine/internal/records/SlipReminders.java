package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.notify.NotificationKind;
import org.shebao.api.records.SlipStatus;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.notify.Inbox;

/**
 * The ledger job's reminder of slips about to expire: once per slip, when at most {@value #DAYS} days of its validity
 * remain (the day of the run counting as one), an inbox entry {@code SLIP_EXPIRING} for its citizen.
 */
@Component(service = SlipReminders.class)
public class SlipReminders {

    static final int DAYS = 3;

    private final JpaTemplate jpa;
    private final Inbox inbox;

    @Activate
    public SlipReminders(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference Inbox inbox) {
        this.jpa = jpa;
        this.inbox = inbox;
    }

    /** Reminds of the slips valid on the day and at most {@value #DAYS} days more; answers how many. */
    int remind(LocalDate today) {
        return Transactions.inTransaction(jpa, em -> {
            List<SlipEntity> expiring = em.createQuery("SELECT s FROM SlipEntity s WHERE s.status = :issued"
                    + " AND s.validUntil BETWEEN :today AND :last AND NOT EXISTS (SELECT n.id FROM NotificationEntity n"
                    + " WHERE n.kind = :kind AND n.ref = s.voucherNo) ORDER BY s.validUntil, s.voucherNo", SlipEntity.class)
                    .setParameter("issued", SlipStatus.ISSUED).setParameter("today", today)
                    .setParameter("last", today.plusDays(DAYS - 1)).setParameter("kind", NotificationKind.SLIP_EXPIRING)
                    .getResultList();
            for (SlipEntity s : expiring) {
                String total = s.total.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
                inbox.post(em, s.idNumber, NotificationKind.SLIP_EXPIRING, Messages.text("notify.slipExpiring", s.voucherNo,
                        total, s.validUntil.toString()), "#/records", s.voucherNo);
            }
            return expiring.size();
        });
    }
}
