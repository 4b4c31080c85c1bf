package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.engine.internal.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-rating (公布后补差, DOMAIN-RULES.md): once a year has its own rates, every line computed provisionally for it
 * gets them. Amounts still owed (DUE, ARREARS, PAYABLE) take the new amount; a line on a slip keeps the slip's until
 * it leaves the slip (a later run takes it then); a paid line gets a difference line (补差, DUE from this month) or,
 * when it was charged more, a credit line. Interest already charged stays. Idempotent: a line is re-rated once, and
 * one transaction per person, audited.
 */
@Component(service = Rerating.class)
public class Rerating {

    private static final Logger LOG = LoggerFactory.getLogger(Rerating.class);

    /** What a run did. */
    public record Result(int persons, int rerated, int differences, int credits) {

        Result plus(Result other) {
            return new Result(persons + other.persons, rerated + other.rerated, differences + other.differences,
                    credits + other.credits);
        }
    }

    private final JpaTemplate jpa;
    private final RatesRegistry rates;
    private final Settlement settlement;
    private final EnrolmentStore enrolments;
    private final Clock clock;
    @Activate
    public Rerating(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa,
            @Reference RatesRegistry rates, @Reference Settlement settlement, @Reference EnrolmentStore enrolments,
            @Reference Clock clock) {
        this.jpa = jpa;
        this.rates = rates;
        this.settlement = settlement;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** Re-rates every provisional line whose year has its own rates now (for its person's district). */
    public synchronized Result run() {
        LocalDate today = LocalDate.now(clock);
        Result total = new Result(0, 0, 0, 0);
        List<Object[]> pending = Transactions.inTransaction(jpa, em -> em.createQuery(
                "SELECT DISTINCT p.district, l.provisionalFor FROM LedgerLineEntity l, PersonEntity p"
                        + " WHERE l.idNumber = p.idNumber AND l.provisionalFor IS NOT NULL", Object[].class).getResultList());
        for (Object[] row : pending) {
            String district = (String) row[0];
            Year year = Year.of((Integer) row[1]);
            Optional<Rates> published = rates.find(district, year);
            if (published.isPresent()) {
                total = total.plus(rerate(district, year, published.get(), today));
            }
        }
        if (total.rerated() > 0) {
            LOG.info("Re-rating: {} lines of {} persons at their year's rates, {} differences, {} credits",
                    total.rerated(), total.persons(), total.differences(), total.credits());
        }
        return total;
    }

    private Result rerate(String district, Year year, Rates published, LocalDate today) {
        List<String> persons = Transactions.inTransaction(jpa, em -> em.createQuery(
                "SELECT DISTINCT l.idNumber FROM LedgerLineEntity l, PersonEntity p WHERE l.idNumber = p.idNumber"
                        + " AND p.district = :d AND l.provisionalFor = :y", String.class)
                .setParameter("d", district).setParameter("y", year.getValue()).getResultList());
        Result total = new Result(0, 0, 0, 0);
        for (String id : persons) {
            try {
                total = total.plus(Transactions.inTransaction(jpa, em -> person(em, id, year, published, today)));
            } catch (RuntimeException e) {
                // another node re-rating the same person at once: one of the two commits, the other finds nothing next time
                LOG.warn("Re-rating of person {} for {} not done now: {}", LedgerJob.mask(id), year,
                        Transactions.unwrap(e).toString());
            }
        }
        return total;
    }

    private Result person(EntityManager em, String idNumber, Year year, Rates published, LocalDate today) {
        settlement.settle(em, idNumber, today);
        List<LedgerLineEntity> lines = em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p"
                + " AND l.provisionalFor = :y ORDER BY l.contributionMonth, l.insuranceType", LedgerLineEntity.class)
                .setParameter("p", idNumber).setParameter("y", year.getValue()).getResultList();
        int rerated = 0;
        int differences = 0;
        int credits = 0;
        StringBuilder detail = new StringBuilder(year + ":");
        long now = clock.millis();
        for (LedgerLineEntity line : lines) {
            LineStatus status = line.status;
            if (status == LineStatus.ON_SLIP) {
                continue;
            }
            Integer tier = tierOf(em, line);
            if (line.type() == InsuranceType.PENSION && tier == null) {
                LOG.warn("Re-rating: pension line {} of {} has no tier; left provisional", line.id, LedgerJob.mask(idNumber));
                continue;
            }
            BigDecimal before = line.amount;
            if (status == LineStatus.PAID) {
                BigDecimal owed = published.monthly(line.type(), tier).subtract(before);
                if (owed.signum() != 0) {
                    em.persist(adjustment(line, published, tier, owed, today, now));
                    if (owed.signum() > 0) {
                        differences++;
                    } else {
                        credits++;
                    }
                }
                line.provisionalFor = null;
            } else {
                line.rate(published, year, tier);
            }
            line.updatedAt = now;
            rerated++;
            detail.append(' ').append(line.insuranceType).append('/').append(line.month()).append(' ').append(before)
                    .append("->").append(status == LineStatus.PAID ? published.monthly(line.type(), tier) : line.amount);
        }
        if (rerated > 0) {
            Actor.SYSTEM.audit(em, idNumber, "RERATE", detail.toString(), clock.millis());
        }
        return new Result(rerated > 0 ? 1 : 0, rerated, differences, credits);
    }

    /** 补差 (a positive amount still owed, DUE from this month) or a credit (a negative amount, settled). */
    private static LedgerLineEntity adjustment(LedgerLineEntity paid, Rates published, Integer tier, BigDecimal owed,
            LocalDate today, long now) {
        boolean difference = owed.signum() > 0;
        LedgerLineEntity line = new LedgerLineEntity(paid.idNumber, paid.type(), paid.month(),
                difference ? LineStatus.DUE : LineStatus.PAID, now);
        line.kind = difference ? LineKind.DIFFERENCE : LineKind.CREDIT;
        line.base = published.base(paid.type(), tier).setScale(2);
        line.amount = Rates.money(owed);
        line.tierPercent = paid.tierPercent == null ? tier : paid.tierPercent;
        line.ratesYear = published.year().getValue();
        line.origin = paid.origin;
        line.dueMonth = Months.of(YearMonth.from(today));
        return line;
    }

    /** The tier a pension line was charged at: as recorded, else the tier whose base it bears, else the enrolment's. */
    private Integer tierOf(EntityManager em, LedgerLineEntity line) {
        if (line.type() != InsuranceType.PENSION || line.tierPercent != null) {
            return line.tierPercent;
        }
        Optional<Rates> charged = rates.find(em.find(PersonEntity.class, line.idNumber).district, Year.of(line.ratesYear));
        Optional<Integer> byBase = charged.flatMap(r -> r.pension().tiers().stream()
                .filter(t -> r.pensionBase(t).compareTo(line.base) == 0).findFirst());
        return byBase.orElseGet(() -> enrolments.enrolments(em, line.idNumber).stream()
                .filter(e -> e.type() == InsuranceType.PENSION).map(e -> e.tierPercent()).findFirst().orElse(null));
    }
}
