package org.shebao.engine.internal.records;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.engine.internal.Messages;

/**
 * Enrolments in 110 and 310 (330 rides with 310): enrol or continue, suspend, the pension tier. The records'
 * invariants only (a paying type is not enrolled twice, a tier is one of the year's); how often a citizen may change
 * tier is the business's rule.
 */
@Component(service = EnrolmentStore.class)
public class EnrolmentStore {

    private final RatesRegistry rates;
    private final PersonStore persons;
    private final Ledger ledger;
    private final Clock clock;

    @Activate
    public EnrolmentStore(@Reference RatesRegistry rates, @Reference PersonStore persons, @Reference Ledger ledger,
            @Reference Clock clock) {
        this.rates = rates;
        this.persons = persons;
        this.ledger = ledger;
        this.clock = clock;
    }

    List<Enrolment> enrolments(EntityManager em, String idNumber) {
        return entities(em, idNumber).stream().map(EnrolmentStore::toEnrolment).toList();
    }

    private static List<EnrolmentEntity> entities(EntityManager em, String idNumber) {
        return em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.idNumber = :p ORDER BY e.insuranceType",
                EnrolmentEntity.class).setParameter("p", idNumber).getResultList();
    }

    private static Optional<EnrolmentEntity> entity(EntityManager em, String idNumber, InsuranceType type) {
        return entities(em, idNumber).stream().filter(e -> e.type() == type.enrolment()).findFirst();
    }

    void enrol(EntityManager em, Person person, InsuranceType type, Integer tierPercent, YearMonth from, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        if (!type.enrolable()) {
            throw new ShebaoException(Kind.BAD_INPUT, "type-not-enrolable", Messages.text("records.type.notEnrolable", type.label()));
        }
        if (from.isBefore(YearMonth.from(today))) {
            throw new ShebaoException(Kind.CONFLICT, "start-in-past", Messages.text("records.enrol.pastMonth", YearMonth.from(today).toString()));
        }
        PersonEntity p = em.find(PersonEntity.class, person.id().value());
        if (type == InsuranceType.PENSION) {
            checkTier(p == null ? person.district() : p.district, tierPercent, from);
        }
        Optional<EnrolmentEntity> existing = entity(em, person.id().value(), type);
        if (existing.isPresent() && existing.get().paying()) {
            throw new ShebaoException(Kind.CONFLICT, "already-paying", Messages.text("records.enrol.alreadyPaying", type.label()));
        }
        if (p == null) {
            persons.register(em, person, actor);
        }
        EnrolmentEntity e = existing.orElseGet(() -> {
            EnrolmentEntity created = new EnrolmentEntity(person.id().value(), type);
            created.startMonth = Months.of(from);
            em.persist(created);
            return created;
        });
        e.status = EnrolmentStatus.PAYING;
        e.payingFrom = Months.of(from);
        e.payingUntil = null;
        e.tierPercent = type == InsuranceType.PENSION ? tierPercent : null;
        actor.audit(em, person.id().value(), existing.isPresent() ? "CONTINUE" : "ENROL",
                type.code() + " from " + from + (tierPercent == null ? "" : " tier " + tierPercent + "%"), clock.millis());
        em.flush();
        ledger.bringUpToDate(em, person.id().value(), today);
    }

    private void checkTier(String district, Integer tierPercent, YearMonth from) {
        if (tierPercent == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "tier-required", Messages.text("records.tier.required"),
                    List.of(new FieldError("tier", Messages.text("records.tier.required"))));
        }
        if (!rates.rates(district, Year.of(from.getYear())).allowsTier(tierPercent)) {
            throw new ShebaoException(Kind.CONFLICT, "tier-not-allowed",
                    Messages.text("records.tier.notAllowed", tierPercent, String.valueOf(from.getYear())));
        }
    }

    void suspend(EntityManager em, String idNumber, InsuranceType type, YearMonth lastPaying, Actor actor) {
        EnrolmentEntity e = paying(em, idNumber, type, "records.suspend.notPaying");
        ledger.bringUpToDate(em, idNumber, LocalDate.now(clock));
        e.status = EnrolmentStatus.SUSPENDED;
        e.payingUntil = Months.of(lastPaying);
        actor.audit(em, idNumber, "SUSPEND", type.enrolment().code() + " after " + lastPaying, clock.millis());
    }

    /** The pension tier from the month on: amounts due from then (if any exist yet) follow it; earlier months keep theirs. */
    void setTier(EntityManager em, String idNumber, int tierPercent, YearMonth from, LocalDate decidedOn, Actor actor) {
        PersonEntity p = persons.require(em, idNumber);
        EnrolmentEntity e = paying(em, idNumber, InsuranceType.PENSION, "records.tier.notPaying");
        checkTier(p.district, tierPercent, from);
        ledger.bringUpToDate(em, idNumber, decidedOn);
        Integer before = e.tierPercent;
        e.tierPercent = tierPercent;
        e.tierChangedOn = decidedOn;
        for (LedgerLineEntity line : em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p"
                + " AND l.insuranceType = :t AND l.status = :due AND l.kind = :regular AND l.contributionMonth >= :from",
                LedgerLineEntity.class).setParameter("p", idNumber).setParameter("t", InsuranceType.PENSION.code())
                .setParameter("due", LineStatus.DUE).setParameter("regular", LineKind.REGULAR)
                .setParameter("from", Months.of(from)).getResultList()) {
            Year year = Year.of(line.month().getYear());
            line.rate(rates.rates(p.district, year), year, tierPercent);
            line.updatedAt = clock.millis();
        }
        actor.audit(em, idNumber, "TIER", before + "% -> " + tierPercent + "% from " + from, clock.millis());
    }

    private static EnrolmentEntity paying(EntityManager em, String idNumber, InsuranceType type, String refusalKey) {
        return entity(em, idNumber, type).filter(EnrolmentEntity::paying).orElseThrow(() -> new ShebaoException(
                Kind.CONFLICT, "not-paying", Messages.text(refusalKey, type.enrolment().label())));
    }

    /** Creates or replaces the person's enrolment in the type, as the back-end holds it. */
    void importEnrolment(EntityManager em, String idNumber, Enrolment enrolment) {
        persons.require(em, idNumber);
        EnrolmentEntity e = entity(em, idNumber, enrolment.type()).orElseGet(() -> {
            EnrolmentEntity created = new EnrolmentEntity(idNumber, enrolment.type().enrolment());
            em.persist(created);
            return created;
        });
        e.status = enrolment.status();
        e.tierPercent = enrolment.type() == InsuranceType.PENSION ? enrolment.tierPercent() : null;
        e.startMonth = Months.of(enrolment.start());
        e.payingFrom = Months.of(enrolment.payingFrom());
        e.payingUntil = enrolment.payingUntil() == null ? null : Months.of(enrolment.payingUntil());
        e.tierChangedOn = enrolment.tierChangedOn();
        Actor.IMPORT.audit(em, idNumber, "ENROLMENT", enrolment.toString(), clock.millis());
    }

    static Enrolment toEnrolment(EnrolmentEntity e) {
        return new Enrolment(e.type(), e.status, e.tierPercent, Months.at(e.startMonth), Months.at(e.payingFrom),
                e.payingUntil == null ? null : Months.at(e.payingUntil), e.tierChangedOn);
    }
}
