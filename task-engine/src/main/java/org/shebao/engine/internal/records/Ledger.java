package org.shebao.engine.internal.records;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.SlipStatus;

/**
 * The monthly ledger of a person: amounts due created for every paying month up to the current one (at the rates
 * that apply to each month's year, provisionally the latest earlier row's), lines imported from the back-end.
 */
@Component(service = Ledger.class)
public class Ledger {

    private final RatesRegistry rates;
    private final Settlement settlement;
    private final Clock clock;

    @Activate
    public Ledger(@Reference RatesRegistry rates, @Reference Settlement settlement, @Reference Clock clock) {
        this.rates = rates;
        this.settlement = settlement;
        this.clock = clock;
    }

    /**
     * Creates the amounts due of every paying month up to the day's month that has none, then settles the person's
     * lines and slips on the day. Idempotent.
     *
     * @return how many lines and slips were created or changed
     */
    int bringUpToDate(EntityManager em, String idNumber, LocalDate today) {
        PersonEntity p = em.find(PersonEntity.class, idNumber);
        if (p == null) {
            return 0;
        }
        int changed = 0;
        int current = Months.of(YearMonth.from(today));
        for (EnrolmentEntity e : em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.idNumber = :p", EnrolmentEntity.class)
                .setParameter("p", idNumber).getResultList()) {
            int last = e.paying() ? current : e.payingUntil == null ? 0 : Math.min(e.payingUntil, current);
            List<InsuranceType> lineTypes = e.type() == InsuranceType.MEDICAL
                    ? List.of(InsuranceType.MEDICAL, InsuranceType.MAJOR_ILLNESS) : List.of(e.type());
            for (InsuranceType type : last < e.payingFrom ? List.<InsuranceType>of() : lineTypes) {
                changed += due(em, p, type, e.tierPercent, e.payingFrom, last);
            }
        }
        return changed + settlement.settle(em, idNumber, today);
    }

    private int due(EntityManager em, PersonEntity p, InsuranceType type, Integer tier, int from, int to) {
        Set<Integer> present = new HashSet<>(em.createQuery("SELECT l.contributionMonth FROM LedgerLineEntity l"
                + " WHERE l.idNumber = :p AND l.insuranceType = :t AND l.kind = :regular"
                + " AND l.contributionMonth BETWEEN :a AND :b", Integer.class).setParameter("p", p.idNumber)
                .setParameter("t", type.code()).setParameter("regular", LineKind.REGULAR)
                .setParameter("a", from).setParameter("b", to).getResultList());
        int created = 0;
        for (YearMonth m = Months.at(from); Months.of(m) <= to; m = m.plusMonths(1)) {
            if (!present.contains(Months.of(m))) {
                LedgerLineEntity line = new LedgerLineEntity(p.idNumber, type, m, LineStatus.DUE, clock.millis());
                Year year = Year.of(m.getYear());
                line.rate(rates.rates(p.district, year), year, tier);
                em.persist(line);
                created++;
            }
        }
        return created;
    }

    /** Persons the ledger job visits: those with an enrolment or an issued slip. */
    List<String> ledgerPersons(EntityManager em) {
        Set<String> ids = new TreeSet<>(em.createQuery("SELECT DISTINCT e.idNumber FROM EnrolmentEntity e", String.class)
                .getResultList());
        ids.addAll(em.createQuery("SELECT DISTINCT s.idNumber FROM SlipEntity s WHERE s.status = :issued", String.class)
                .setParameter("issued", SlipStatus.ISSUED).getResultList());
        return new ArrayList<>(ids);
    }

    /** Adds the back-end's lines for months the person has none of that type; returns how many were added. */
    int importLines(EntityManager em, String idNumber, List<ImportedLine> lines) {
        Set<String> present = new HashSet<>();
        for (Object[] row : em.createQuery("SELECT l.insuranceType, l.contributionMonth FROM LedgerLineEntity l"
                + " WHERE l.idNumber = :p AND l.kind = :regular", Object[].class).setParameter("p", idNumber)
                .setParameter("regular", LineKind.REGULAR).getResultList()) {
            present.add(row[0] + "-" + row[1]);
        }
        int added = 0;
        for (ImportedLine line : lines) {
            if (present.add(line.type().code() + "-" + Months.of(line.month()))) {
                LedgerLineEntity l = new LedgerLineEntity(idNumber, line.type(), line.month(), line.status(), clock.millis());
                l.base = line.base().setScale(2);
                l.amount = Rates.money(line.amount());
                l.tierPercent = line.type() == InsuranceType.PENSION ? line.tierPercent() : null;
                l.ratesYear = line.ratesYear();
                l.provisionalFor = line.ratesYear() < line.month().getYear() ? line.month().getYear() : null;
                l.paymentRef = line.status() == LineStatus.PAID ? "import" : null;
                em.persist(l);
                added++;
            }
        }
        return added;
    }
}
