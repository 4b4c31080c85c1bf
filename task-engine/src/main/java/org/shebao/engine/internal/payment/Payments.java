package org.shebao.engine.internal.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.payment.PaymentEntity.Status;
import org.shebao.engine.internal.records.PaymentRefusal;
import org.shebao.engine.internal.records.SlipPayments;

/**
 * Payments reported by a collecting channel (DOMAIN-RULES "Payments"): each applied to its slip at most once per
 * channel reference, or kept as an exception with the reason; a repeat of a reference answers as the first did.
 * Whatever the order of two reports of one reference, or of a payment and the slip's cancellation or expiry,
 * exactly one outcome is stored: the slip row is locked, the reference unique, and a loser looks again.
 */
@Component(service = Payments.class)
public class Payments {

    /** What became of a report. */
    public record Outcome(String channelRef, String voucherNo, Status status, PaymentRefusal reason) {
    }

    /** The outcome, and whether it is the answer to an earlier report of the same reference. */
    public record Received(Outcome outcome, boolean repeat) {
    }

    static final String TOPIC = "shebao/payment/PAID";
    private static final int ATTEMPTS = 4;

    private final JpaTemplate jpa;
    private final SlipPayments slips;
    private final EventAdmin events;
    private final Clock clock;

    @Activate
    public Payments(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference SlipPayments slips,
            @Reference EventAdmin events, @Reference Clock clock) {
        this.jpa = jpa;
        this.slips = slips;
        this.events = events;
        this.clock = clock;
    }

    /** The report of the channel account, from the API or a reconciliation file ({@code source}). */
    public Received receive(String channel, PaymentReport report, String source) {
        for (int attempt = 1;; attempt++) {
            Optional<PaymentEntity> first = tx(em -> find(em, channel, report.channelRef()));
            if (first.isPresent()) {
                return repeat(first.get(), report);
            }
            try {
                PaymentEntity stored = tx(em -> store(em, channel, report, source));
                if (stored.status == Status.APPLIED) {
                    events.postEvent(new Event(TOPIC, Map.of("login", stored.idNumber, "voucherNo", stored.voucherNo,
                            "status", "PAID")));
                }
                return new Received(outcome(stored), false);
            } catch (RuntimeException e) {
                // another report of the reference, or a change of the slip, came first: look again
                if (attempt >= ATTEMPTS || !Transactions.retryable(e)) {
                    throw e;
                }
            }
        }
    }

    private PaymentEntity store(EntityManager em, String channel, PaymentReport report, String source) {
        LocalDate paidOn = report.paidAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        Optional<PaymentRefusal> refused = slips.apply(em, report.voucherNo(), report.amount(), paidOn,
                report.channelRef(), channel);
        PaymentEntity p = new PaymentEntity(channel, report, source, clock.millis());
        p.status = refused.isPresent() ? Status.EXCEPTION : Status.APPLIED;
        p.reason = refused.orElse(null);
        slips.owner(em, report.voucherNo()).ifPresent(o -> {
            p.idNumber = o.idNumber();
            p.district = o.district();
        });
        em.persist(p);
        em.flush();
        return p;
    }

    private static Received repeat(PaymentEntity first, PaymentReport report) {
        if (!first.digest.equals(report.digest())) {
            throw new ShebaoException(Kind.CONFLICT, "channel-ref-reused",
                    Messages.text("payment.refReused", report.channelRef(), first.voucherNo, first.amount.toPlainString()));
        }
        return new Received(outcome(first), true);
    }

    static Outcome outcome(PaymentEntity p) {
        return new Outcome(p.channelRef, p.voucherNo, p.status, p.reason);
    }

    private static Optional<PaymentEntity> find(EntityManager em, String channel, String channelRef) {
        return em.createQuery("SELECT p FROM PaymentEntity p WHERE p.channel = :c AND p.channelRef = :r", PaymentEntity.class)
                .setParameter("c", channel).setParameter("r", channelRef).getResultList().stream().findFirst();
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
