package org.shebao.engine.internal.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.payment.PaymentEntity.Resolution;
import org.shebao.engine.internal.payment.PaymentEntity.Status;
import org.shebao.engine.internal.records.Actor;
import org.shebao.engine.internal.records.PaymentRefusal;
import org.shebao.engine.internal.records.SlipPayments;

/**
 * Payments that were not applied, for the district office of the slip's citizen (platform administrators see all,
 * and alone those of unknown vouchers): applied to another slip of the same person, or marked refunded; audited.
 */
@Component(service = PaymentExceptions.class)
public class PaymentExceptions {

    /** An exception as the administration lists it. */
    public record ExceptionView(long id, String channel, String channelRef, String voucherNo, BigDecimal amount,
            String paidAt, PaymentRefusal reason, String idNumber, String district, String source, Instant receivedAt,
            Resolution resolution, String resolvedVoucherNo, String resolutionNote, String resolvedBy) {
    }

    /** What a district administrator decides. */
    public enum Action { APPLY_TO, REFUNDED }

    private final JpaTemplate jpa;
    private final SlipPayments slips;
    private final EventAdmin events;
    private final Clock clock;

    @Activate
    public PaymentExceptions(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference SlipPayments slips, @Reference EventAdmin events, @Reference Clock clock) {
        this.jpa = jpa;
        this.slips = slips;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's exceptions (a district administrator's district's; an administrator's, of one district or all). */
    public Page<ExceptionView> list(Account caller, Optional<String> district, boolean openOnly, int page, int size) {
        Optional<String> of = caller.has(Role.ADMIN) ? district : Optional.of(caller.district());
        String where = "p.status = :e" + (openOnly ? " AND p.resolution IS NULL" : "") + (of.isPresent() ? " AND p.district = :d" : "");
        return tx(em -> {
            var query = em.createQuery("SELECT p FROM PaymentEntity p WHERE " + where + " ORDER BY p.receivedAt, p.id",
                    PaymentEntity.class).setParameter("e", Status.EXCEPTION);
            var count = em.createQuery("SELECT COUNT(p) FROM PaymentEntity p WHERE " + where, Long.class)
                    .setParameter("e", Status.EXCEPTION);
            of.ifPresent(d -> {
                query.setParameter("d", d);
                count.setParameter("d", d);
            });
            List<ExceptionView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(PaymentExceptions::view).toList();
            return new Page<>(items, count.getSingleResult(), page, size);
        });
    }

    /** Resolves an open exception of the caller's district; refused (nothing changes) when it cannot be. */
    public ExceptionView resolve(Account caller, long id, Action action, String voucherNo, String note) {
        String why = note == null ? "" : note.trim();
        if (action == null || why.isEmpty() || why.length() > 500 || (action == Action.APPLY_TO && (voucherNo == null || voucherNo.isBlank()))) {
            throw new ShebaoException(Kind.BAD_INPUT, "invalid-resolution", Messages.text("payment.resolve.invalid"),
                    List.of(new FieldError(action == null ? "action" : why.isEmpty() || why.length() > 500 ? "note" : "voucherNo",
                            Messages.text("payment.resolve.invalid"))));
        }
        PaymentEntity resolved = tx(em -> {
            PaymentEntity p = em.find(PaymentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (p == null || p.status != Status.EXCEPTION
                    || !(caller.has(Role.ADMIN) || (p.district != null && p.district.equals(caller.district())))) {
                throw new ShebaoException(Kind.NOT_FOUND, "payment-exception-missing", Messages.text("payment.exception.missing", id));
            }
            if (p.resolution != null) {
                throw new ShebaoException(Kind.CONFLICT, "payment-exception-resolved", Messages.text("payment.exception.resolved", id));
            }
            if (action == Action.APPLY_TO) {
                applyTo(em, p, voucherNo.trim(), caller);
            }
            p.resolution = action == Action.APPLY_TO ? Resolution.APPLIED_TO : Resolution.REFUNDED;
            p.resolutionNote = why;
            p.resolvedBy = caller.login();
            p.resolvedAt = clock.millis();
            Actor.of(caller.login()).audit(em, p.idNumber == null ? "-" : p.idNumber, "PAYMENT_" + p.resolution.name(),
                    p.channel + ":" + p.channelRef + " " + p.amount + " " + p.voucherNo
                            + (p.resolvedVoucherNo == null ? "" : " -> " + p.resolvedVoucherNo) + ": " + why, p.resolvedAt);
            return p;
        });
        if (resolved.resolution == Resolution.APPLIED_TO) {
            events.postEvent(new Event(Payments.TOPIC, Map.of("login", resolved.idNumber, "voucherNo",
                    resolved.resolvedVoucherNo, "status", "PAID")));
        }
        return view(resolved);
    }

    /** The money goes to another slip of the same person (of whoever's slip it is, for an unknown voucher). */
    private void applyTo(EntityManager em, PaymentEntity p, String target, Account caller) {
        Optional<SlipPayments.Owner> owner = slips.owner(em, target);
        boolean samePerson = owner.isPresent() && (p.idNumber == null ? caller.has(Role.ADMIN) : owner.get().idNumber().equals(p.idNumber));
        if (!samePerson) {
            throw new ShebaoException(Kind.CONFLICT, "payment-other-person", Messages.text("payment.resolve.otherPerson", target));
        }
        LocalDate paidOn = Instant.ofEpochMilli(p.paidAt).atZone(clock.getZone()).toLocalDate();
        slips.apply(em, target, p.amount, paidOn, p.channelRef, p.channel).ifPresent(refusal -> {
            throw new ShebaoException(Kind.CONFLICT, "payment-not-applicable",
                    Messages.text("payment.resolve.notApplicable", target, Messages.text("payment.reason." + refusal.name())));
        });
        p.resolvedVoucherNo = target;
        p.idNumber = owner.get().idNumber();
        p.district = owner.get().district();
    }

    static ExceptionView view(PaymentEntity p) {
        return new ExceptionView(p.id, p.channel, p.channelRef, p.voucherNo, p.amount, p.paidAtText, p.reason, p.idNumber,
                p.district, p.source, Instant.ofEpochMilli(p.receivedAt), p.resolution, p.resolvedVoucherNo,
                p.resolutionNote, p.resolvedBy);
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
