package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Arrears;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.GapAssessment;
import org.shebao.api.records.GapCharge;
import org.shebao.api.records.GapMonth;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.LinesAssessment;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.ResidentId;
import org.shebao.api.records.Sex;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;
import org.shebao.api.records.SlipStatus;
import org.shebao.api.records.TypeTotal;
import org.shebao.engine.internal.Messages;

/**
 * The records' rules, on the caller's entity manager (so that they run in whatever transaction the caller
 * holds: the approval's, or one of their own). Every write checks its preconditions first and refuses with a
 * {@link ShebaoException}; nothing is changed before the checks pass.
 */
@Component(service = RecordsStore.class)
public class RecordsStore {

    static final String LEDGER = "LEDGER";
    static final String GAP = "GAP";

    private final RatesRegistry rates;
    private final Clock clock;

    @Activate
    public RecordsStore(@Reference RatesRegistry rates, @Reference Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    // ---- persons ----------------------------------------------------------------------------------------

    Optional<Person> person(EntityManager em, String idNumber) {
        return Optional.ofNullable(idNumber == null ? null : em.find(PersonEntity.class, idNumber)).map(RecordsStore::toPerson);
    }

    private PersonEntity requirePerson(EntityManager em, String idNumber) {
        PersonEntity p = idNumber == null ? null : em.find(PersonEntity.class, idNumber);
        if (p == null) {
            throw new ShebaoException(Kind.NOT_FOUND, "person-missing", Messages.text("records.person.missing", idNumber));
        }
        return p;
    }

    void registerPerson(EntityManager em, Person person, String actor) {
        if (person.sex() != person.id().sex() || !person.birthDate().equals(person.id().birthDate())) {
            throw new ShebaoException(Kind.BAD_INPUT, "person-mismatch", Messages.text("records.person.mismatch"));
        }
        if (person.name() == null || person.name().isBlank() || person.district() == null
                || !person.district().matches("\\d{6}")) {
            throw new ShebaoException(Kind.BAD_INPUT, "person-invalid", Messages.text("records.person.invalid"));
        }
        PersonEntity p = em.find(PersonEntity.class, person.id().value());
        boolean created = p == null;
        if (created) {
            p = new PersonEntity(person.id().value());
        }
        p.name = person.name().trim();
        p.sex = person.sex().name();
        p.birthDate = person.birthDate();
        p.district = person.district();
        p.household = person.household().name();
        p.photoId = person.photoId();
        p.updatedAt = clock.millis();
        copyContact(p, person.contact() == null ? Contact.NONE : person.contact());
        if (created) {
            em.persist(p);
        }
        audit(em, p.idNumber, actor, created ? "PERSON_CREATED" : "PERSON_REPLACED", null);
    }

    void changeContact(EntityManager em, String idNumber, Contact contact, String actor) {
        List<FieldError> errors = contact.errors();
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "contact-invalid", Messages.text("records.contact.invalid"), errors);
        }
        PersonEntity p = requirePerson(em, idNumber);
        String before = describe(p);
        copyContact(p, contact);
        p.updatedAt = clock.millis();
        audit(em, idNumber, actor, "CONTACT", before + " -> " + describe(p));
    }

    void changePhoto(EntityManager em, String idNumber, long attachmentId, String actor) {
        PersonEntity p = requirePerson(em, idNumber);
        Long found = em.createQuery("SELECT COUNT(a) FROM AttachmentEntity a WHERE a.id = :id", Long.class)
                .setParameter("id", attachmentId).getSingleResult();
        if (found == 0) {
            throw new ShebaoException(Kind.CONFLICT, "photo-missing", Messages.text("records.photo.missing", String.valueOf(attachmentId)));
        }
        Long before = p.photoId;
        p.photoId = attachmentId;
        p.updatedAt = clock.millis();
        audit(em, idNumber, actor, "PHOTO", before + " -> " + attachmentId);
    }

    private static void copyContact(PersonEntity p, Contact c) {
        p.mobile = blankToNull(c.mobile());
        p.address = blankToNull(c.address());
        p.postalCode = blankToNull(c.postalCode());
        p.email = blankToNull(c.email());
        p.emergencyName = blankToNull(c.emergencyName());
        p.emergencyPhone = blankToNull(c.emergencyPhone());
    }

    private static String describe(PersonEntity p) {
        return String.join("|", String.valueOf(p.mobile), String.valueOf(p.address), String.valueOf(p.postalCode),
                String.valueOf(p.email), String.valueOf(p.emergencyName), String.valueOf(p.emergencyPhone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---- enrolments -------------------------------------------------------------------------------------

    List<Enrolment> enrolments(EntityManager em, String idNumber) {
        return enrolmentEntities(em, idNumber).stream().map(RecordsStore::toEnrolment).toList();
    }

    private static List<EnrolmentEntity> enrolmentEntities(EntityManager em, String idNumber) {
        return em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.idNumber = :p ORDER BY e.insuranceType",
                EnrolmentEntity.class).setParameter("p", idNumber).getResultList();
    }

    private static Optional<EnrolmentEntity> enrolment(EntityManager em, String idNumber, InsuranceType type) {
        return enrolmentEntities(em, idNumber).stream().filter(e -> e.insuranceType.equals(type.enrolment().code()))
                .findFirst();
    }

    void enrol(EntityManager em, Person person, InsuranceType type, Integer tierPercent, YearMonth from, String actor) {
        LocalDate today = LocalDate.now(clock);
        if (!type.enrolable()) {
            throw new ShebaoException(Kind.BAD_INPUT, "type-not-enrolable", Messages.text("records.type.notEnrolable", type.label()));
        }
        if (from.isBefore(YearMonth.from(today))) {
            throw new ShebaoException(Kind.CONFLICT, "start-in-past", Messages.text("records.enrol.pastMonth", YearMonth.from(today).toString()));
        }
        PersonEntity p = em.find(PersonEntity.class, person.id().value());
        String district = p == null ? person.district() : p.district;
        if (type == InsuranceType.PENSION) {
            checkTier(district, tierPercent, from);
        }
        Optional<EnrolmentEntity> existing = enrolment(em, person.id().value(), type);
        if (existing.isPresent() && EnrolmentStatus.PAYING.name().equals(existing.get().status)) {
            throw new ShebaoException(Kind.CONFLICT, "already-paying", Messages.text("records.enrol.alreadyPaying", type.label()));
        }
        if (p == null) {
            registerPerson(em, person, actor);
        }
        EnrolmentEntity e = existing.orElseGet(() -> {
            EnrolmentEntity created = new EnrolmentEntity(person.id().value(), type.code());
            created.startMonth = Months.of(from);
            em.persist(created);
            return created;
        });
        e.status = EnrolmentStatus.PAYING.name();
        e.payingFrom = Months.of(from);
        e.payingUntil = null;
        e.tierPercent = type == InsuranceType.PENSION ? tierPercent : null;
        audit(em, person.id().value(), actor, existing.isPresent() ? "CONTINUE" : "ENROL",
                type.code() + " from " + from + (tierPercent == null ? "" : " tier " + tierPercent + "%"));
        em.flush();
        bringUpToDate(em, person.id().value(), today);
    }

    private void checkTier(String district, Integer tierPercent, YearMonth from) {
        if (tierPercent == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "tier-required", Messages.text("records.tier.required"),
                    List.of(new FieldError("tier", Messages.text("records.tier.required"))));
        }
        Rates r = rates.rates(district, Year.of(from.getYear()));
        if (!r.allowsTier(tierPercent)) {
            throw new ShebaoException(Kind.CONFLICT, "tier-not-allowed",
                    Messages.text("records.tier.notAllowed", tierPercent, String.valueOf(from.getYear())));
        }
    }

    void suspend(EntityManager em, String idNumber, InsuranceType type, YearMonth lastPaying, String actor) {
        EnrolmentEntity e = enrolment(em, idNumber, type).filter(x -> EnrolmentStatus.PAYING.name().equals(x.status))
                .orElseThrow(() -> new ShebaoException(Kind.CONFLICT, "not-paying",
                        Messages.text("records.suspend.notPaying", type.enrolment().label())));
        bringUpToDate(em, idNumber, LocalDate.now(clock));
        e.status = EnrolmentStatus.SUSPENDED.name();
        e.payingUntil = Months.of(lastPaying);
        audit(em, idNumber, actor, "SUSPEND", type.enrolment().code() + " after " + lastPaying);
    }

    void changeTier(EntityManager em, String idNumber, int tierPercent, YearMonth from, LocalDate approvedOn, String actor) {
        PersonEntity p = requirePerson(em, idNumber);
        EnrolmentEntity e = enrolment(em, idNumber, InsuranceType.PENSION)
                .filter(x -> EnrolmentStatus.PAYING.name().equals(x.status))
                .orElseThrow(() -> new ShebaoException(Kind.CONFLICT, "not-paying", Messages.text("records.tier.notPaying")));
        if (e.tierChangedOn != null && e.tierChangedOn.getYear() == approvedOn.getYear()) {
            throw new ShebaoException(Kind.CONFLICT, "tier-changed-this-year",
                    Messages.text("records.tier.changedThisYear", e.tierChangedOn.toString()));
        }
        if (e.tierPercent != null && e.tierPercent == tierPercent) {
            throw new ShebaoException(Kind.CONFLICT, "tier-same", Messages.text("records.tier.same", tierPercent));
        }
        checkTier(p.district, tierPercent, from);
        bringUpToDate(em, idNumber, approvedOn);
        Integer before = e.tierPercent;
        e.tierPercent = tierPercent;
        e.tierChangedOn = approvedOn;
        // amounts due from the effective month on (if any exist yet) follow the new tier; earlier months keep theirs
        for (LedgerLineEntity line : em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p"
                + " AND l.insuranceType = '110' AND l.status = 'DUE' AND l.kind = 'REGULAR' AND l.contributionMonth >= :from",
                LedgerLineEntity.class).setParameter("p", idNumber).setParameter("from", Months.of(from)).getResultList()) {
            Year year = Year.of(line.month().getYear());
            line.rate(rates.rates(p.district, year), year, tierPercent);
            line.updatedAt = clock.millis();
        }
        audit(em, idNumber, actor, "TIER", before + "% -> " + tierPercent + "% from " + from);
    }

    // ---- the ledger -------------------------------------------------------------------------------------

    /**
     * Creates the amounts due of every paying month up to the day's month that has none, turns amounts due
     * unpaid after the last day of the following month into arrears, and expires overdue slips. Idempotent.
     *
     * @return how many lines were created or changed
     */
    int bringUpToDate(EntityManager em, String idNumber, LocalDate today) {
        PersonEntity p = em.find(PersonEntity.class, idNumber);
        if (p == null) {
            return 0;
        }
        int changed = 0;
        YearMonth current = YearMonth.from(today);
        long now = clock.millis();
        List<EnrolmentEntity> enrolments = enrolmentEntities(em, idNumber);
        for (EnrolmentEntity e : enrolments) {
            int last = EnrolmentStatus.PAYING.name().equals(e.status) ? Months.of(current)
                    : e.payingUntil == null ? 0 : Math.min(e.payingUntil, Months.of(current));
            if (last < e.payingFrom) {
                continue;
            }
            InsuranceType enrolled = InsuranceType.ofCode(e.insuranceType).orElseThrow();
            List<InsuranceType> lineTypes = enrolled == InsuranceType.MEDICAL
                    ? List.of(InsuranceType.MEDICAL, InsuranceType.MAJOR_ILLNESS) : List.of(enrolled);
            for (InsuranceType type : lineTypes) {
                Set<Integer> present = new HashSet<>(em.createQuery("SELECT l.contributionMonth FROM LedgerLineEntity l"
                        + " WHERE l.idNumber = :p AND l.insuranceType = :t AND l.kind = 'REGULAR'"
                        + " AND l.contributionMonth BETWEEN :a AND :b",
                        Integer.class).setParameter("p", idNumber).setParameter("t", type.code())
                        .setParameter("a", e.payingFrom).setParameter("b", last).getResultList());
                for (YearMonth m = Months.at(e.payingFrom); Months.of(m) <= last; m = m.plusMonths(1)) {
                    if (!present.contains(Months.of(m))) {
                        LedgerLineEntity line = new LedgerLineEntity(idNumber, type, m, LineStatus.DUE, now);
                        line.rate(rates.rates(p.district, Year.of(m.getYear())), Year.of(m.getYear()), e.tierPercent);
                        em.persist(line);
                        changed++;
                    }
                }
            }
        }
        return changed + settle(em, idNumber, today);
    }

    /**
     * Persists what the day has made of the person's lines and slips (reads already show it, {@link LineStates}):
     * amounts due unpaid after the last day of the following month become arrears, overdue slips expire and
     * their lines return to PAYABLE. Every write on the person's lines does this first.
     *
     * @return how many lines and slips changed
     */
    int settle(EntityManager em, String idNumber, LocalDate today) {
        int changed = em.createQuery("UPDATE LedgerLineEntity l SET l.status = 'ARREARS', l.version = l.version + 1,"
                + " l.updatedAt = :now WHERE l.idNumber = :p AND l.status = 'DUE' AND l.dueMonth <= :late")
                .setParameter("now", clock.millis()).setParameter("p", idNumber)
                .setParameter("late", Months.of(LineStates.lastArrearsMonth(today))).executeUpdate();
        for (SlipEntity slip : em.createQuery("SELECT s FROM SlipEntity s WHERE s.idNumber = :p AND s.status = 'ISSUED'"
                + " AND s.validUntil < :today", SlipEntity.class).setParameter("p", idNumber).setParameter("today", today)
                .getResultList()) {
            closeSlip(em, slip, SlipStatus.EXPIRED, "system", today);
            changed++;
        }
        return changed;
    }

    /** Persons the ledger job visits: those with an enrolment or an issued slip. */
    List<String> ledgerPersons(EntityManager em) {
        Set<String> ids = new TreeSet<>(em.createQuery("SELECT DISTINCT e.idNumber FROM EnrolmentEntity e", String.class)
                .getResultList());
        ids.addAll(em.createQuery("SELECT DISTINCT s.idNumber FROM SlipEntity s WHERE s.status = 'ISSUED'", String.class)
                .getResultList());
        return new ArrayList<>(ids);
    }

    void importEnrolment(EntityManager em, String idNumber, Enrolment enrolment) {
        requirePerson(em, idNumber);
        EnrolmentEntity e = enrolment(em, idNumber, enrolment.type()).orElseGet(() -> {
            EnrolmentEntity created = new EnrolmentEntity(idNumber, enrolment.type().enrolment().code());
            em.persist(created);
            return created;
        });
        e.status = enrolment.status().name();
        e.tierPercent = enrolment.type() == InsuranceType.PENSION ? enrolment.tierPercent() : null;
        e.startMonth = Months.of(enrolment.start());
        e.payingFrom = Months.of(enrolment.payingFrom());
        e.payingUntil = enrolment.payingUntil() == null ? null : Months.of(enrolment.payingUntil());
        e.tierChangedOn = enrolment.tierChangedOn();
        audit(em, idNumber, "import", "ENROLMENT", enrolment.toString());
    }

    int importLines(EntityManager em, String idNumber, List<ImportedLine> lines) {
        requirePerson(em, idNumber);
        Set<String> present = new HashSet<>();
        for (Object[] row : em.createQuery("SELECT l.insuranceType, l.contributionMonth FROM LedgerLineEntity l"
                + " WHERE l.idNumber = :p AND l.kind = 'REGULAR'", Object[].class).setParameter("p", idNumber).getResultList()) {
            present.add(row[0] + "-" + row[1]);
        }
        long now = clock.millis();
        int added = 0;
        for (ImportedLine line : lines) {
            String key = line.type().code() + "-" + Months.of(line.month());
            if (present.add(key)) {
                LedgerLineEntity l = new LedgerLineEntity(idNumber, line.type(), line.month(), line.status(), now);
                l.base = line.base().setScale(2);
                l.amount = Rates.money(line.amount());
                l.tierPercent = line.type() == InsuranceType.PENSION ? line.tierPercent() : null;
                l.ratesYear = line.ratesYear();
                l.provisionalFor = line.ratesYear() < line.month().getYear() ? line.month().getYear() : null;
                if (line.status() == LineStatus.PAID) {
                    l.paymentRef = "import";
                }
                em.persist(l);
                added++;
            }
        }
        return added;
    }

    // ---- queries ----------------------------------------------------------------------------------------

    private List<LedgerLineEntity> lineEntities(EntityManager em, String idNumber, Collection<LineStatus> statuses,
            Optional<InsuranceType> type, Optional<YearMonth> from) {
        List<String> types = type.map(t -> t.enrolment() == InsuranceType.MEDICAL
                ? List.of(InsuranceType.MEDICAL.code(), InsuranceType.MAJOR_ILLNESS.code()) : List.of(t.code()))
                .orElse(List.of("110", "310", "330"));
        return em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p AND l.status IN :s"
                + " AND l.insuranceType IN :t AND l.contributionMonth >= :from"
                + " ORDER BY l.contributionMonth, l.insuranceType, l.kind DESC", LedgerLineEntity.class)
                .setParameter("p", idNumber).setParameter("s", new ArrayList<>(LineStates.stored(statuses)))
                .setParameter("t", types).setParameter("from", from.map(Months::of).orElse(0)).getResultList();
    }

    /** The person's lines in the statuses they have on the day (whatever the ledger job has persisted yet). */
    List<LedgerLine> lines(EntityManager em, String idNumber, Set<LineStatus> statuses, Optional<InsuranceType> type,
            Optional<YearMonth> from, LocalDate today) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String district = requirePerson(em, idNumber).district;
        LineStates states = LineStates.of(em, idNumber, today);
        return lineEntities(em, idNumber, statuses, type, from).stream().filter(l -> statuses.contains(states.of(l)))
                .map(l -> toLine(l, district, today, states)).toList();
    }

    Arrears arrears(EntityManager em, String idNumber, Optional<InsuranceType> type, int page, int size, LocalDate today) {
        List<LedgerLine> all = lines(em, idNumber, Set.of(LineStatus.ARREARS), type, Optional.empty(), today);
        List<TypeTotal> totals = totals(all);
        int fromIndex = (int) Math.min((long) page * size, all.size());
        int toIndex = Math.min(fromIndex + size, all.size());
        return new Arrears(totals, sum(totals), all.subList(fromIndex, toIndex), all.size(), page, size);
    }

    LinesAssessment assessLines(EntityManager em, String idNumber, List<Long> lineIds, Set<LineStatus> statuses,
            LocalDate today) {
        String district = requirePerson(em, idNumber).district;
        LineStates states = LineStates.of(em, idNumber, today);
        List<LedgerLine> lines = checkedLines(em, idNumber, lineIds, statuses, states).stream()
                .map(l -> toLine(l, district, today, states)).toList();
        List<TypeTotal> totals = totals(lines);
        return new LinesAssessment(lines, totals, sum(totals));
    }

    /** The lines, each the person's and in one of the statuses, in month order; refused otherwise. */
    private List<LedgerLineEntity> checkedLines(EntityManager em, String idNumber, List<Long> lineIds,
            Set<LineStatus> statuses, LineStates states) {
        Set<Long> ids = new LinkedHashSet<>(lineIds);
        if (ids.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "no-lines", Messages.text("records.lines.none"),
                    List.of(new FieldError("lines", Messages.text("records.lines.none"))));
        }
        List<LedgerLineEntity> found = em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.id IN :ids"
                + " ORDER BY l.contributionMonth, l.insuranceType", LedgerLineEntity.class)
                .setParameter("ids", new ArrayList<>(ids)).getResultList();
        Set<Long> foundIds = found.stream().map(l -> l.id).collect(Collectors.toSet());
        for (Long id : ids) {
            if (!foundIds.contains(id)) {
                throw lineMissing(id);
            }
        }
        for (LedgerLineEntity l : found) {
            if (!l.idNumber.equals(idNumber)) {
                throw lineMissing(l.id);
            }
            LineStatus status = states.of(l);
            if (!statuses.contains(status)) {
                throw new ShebaoException(Kind.CONFLICT, "line-state", Messages.text("records.line.state",
                        Months.at(l.contributionMonth).toString(), InsuranceType.ofCode(l.insuranceType).orElseThrow().label(),
                        status.label()));
            }
        }
        return found;
    }

    private static ShebaoException lineMissing(long id) {
        return new ShebaoException(Kind.NOT_FOUND, "line-missing", Messages.text("records.line.missing", String.valueOf(id)));
    }

    private static List<TypeTotal> totals(List<LedgerLine> lines) {
        Map<InsuranceType, List<LedgerLine>> byType = new EnumMap<>(InsuranceType.class);
        lines.forEach(l -> byType.computeIfAbsent(l.type(), t -> new ArrayList<>()).add(l));
        List<TypeTotal> totals = new ArrayList<>();
        byType.forEach((type, list) -> totals.add(new TypeTotal(type, list.size(),
                list.stream().map(LedgerLine::total).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add))));
        return totals;
    }

    private static BigDecimal sum(List<TypeTotal> totals) {
        return totals.stream().map(TypeTotal::amount).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
    }

    // ---- gaps -------------------------------------------------------------------------------------------

    List<GapMonth> gaps(EntityManager em, String idNumber, Optional<YearMonth> from, LocalDate today) {
        PersonEntity p = requirePerson(em, idNumber);
        Optional<EnrolmentEntity> pension = enrolment(em, idNumber, InsuranceType.PENSION);
        if (pension.isEmpty()) {
            return List.of();
        }
        EnrolmentEntity e = pension.get();
        YearMonth current = YearMonth.from(today);
        YearMonth earliest = earliestBackPayable(p, today);
        Set<Integer> covered = new HashSet<>();
        Set<Integer> writtenOff = new HashSet<>();
        for (Object[] row : em.createQuery("SELECT l.contributionMonth, l.status FROM LedgerLineEntity l"
                + " WHERE l.idNumber = :p AND l.insuranceType = '110' AND l.kind = 'REGULAR'", Object[].class)
                .setParameter("p", idNumber)
                .getResultList()) {
            (LineStatus.valueOf((String) row[1]).covers() ? covered : writtenOff).add((Integer) row[0]);
        }
        YearMonth start = Months.at(e.startMonth);
        if (from.isPresent() && from.get().isAfter(start)) {
            start = from.get();
        }
        List<GapMonth> gaps = new ArrayList<>();
        for (YearMonth m = start; m.isBefore(current); m = m.plusMonths(1)) {
            int key = Months.of(m);
            // a month of the current paying period is owed, not a gap, even before the ledger job has reached it
            boolean owed = EnrolmentStatus.PAYING.name().equals(e.status) && key >= e.payingFrom;
            if (writtenOff.contains(key) || (!covered.contains(key) && !owed)) {
                gaps.add(new GapMonth(m, !m.isBefore(earliest)));
            }
        }
        return gaps;
    }

    private YearMonth earliestBackPayable(PersonEntity p, LocalDate today) {
        int lookBack = rates.rates(p.district, Year.of(today.getYear())).rules().gapLookBackMonths();
        return YearMonth.from(today).minusMonths(lookBack);
    }

    GapAssessment assessGaps(EntityManager em, String idNumber, List<YearMonth> months, LocalDate today) {
        PersonEntity p = requirePerson(em, idNumber);
        if (months.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "no-months", Messages.text("records.gap.none"),
                    List.of(new FieldError("months", Messages.text("records.gap.none"))));
        }
        EnrolmentEntity e = enrolment(em, idNumber, InsuranceType.PENSION).orElseThrow(() ->
                new ShebaoException(Kind.CONFLICT, "no-pension", Messages.text("records.gap.noPension")));
        Map<YearMonth, GapMonth> gaps = gaps(em, idNumber, Optional.empty(), today).stream()
                .collect(Collectors.toMap(GapMonth::month, g -> g));
        Rates now = rates.rates(p.district, Year.of(today.getYear()));
        int tier = e.tierPercent == null ? now.pension().tiers().get(0) : e.tierPercent;
        YearMonth assessed = YearMonth.from(today);
        List<GapCharge> charges = new ArrayList<>();
        for (YearMonth m : new TreeSet<>(months)) {
            GapMonth gap = gaps.get(m);
            if (gap == null) {
                throw new ShebaoException(Kind.CONFLICT, "not-a-gap", Messages.text("records.gap.notGap", m.toString()));
            }
            if (!gap.backPayable()) {
                throw new ShebaoException(Kind.CONFLICT, "gap-out-of-range", Messages.text("records.gap.outOfRange",
                        m.toString(), earliestBackPayable(p, today).toString()));
            }
            Year baseYear = gapBaseYear(now, m, today);
            Rates baseRates = rates.rates(p.district, baseYear);
            BigDecimal base = baseRates.pensionBase(tier);
            BigDecimal amount = baseRates.pensionMonthly(tier);
            charges.add(new GapCharge(m, tier, base, amount, interest(p.district, amount, m, assessed),
                    baseRates.year().getValue(), baseRates.provisionalFor(baseYear)));
        }
        BigDecimal amount = charges.stream().map(GapCharge::amount).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal interest = charges.stream().map(GapCharge::interest).reduce(Rates.money(BigDecimal.ZERO), BigDecimal::add);
        return new GapAssessment(charges, amount, interest, amount.add(interest));
    }

    /** The year whose base a gap month is charged at: the gap's own, or the current year (configuration). */
    private static Year gapBaseYear(Rates current, YearMonth gap, LocalDate today) {
        return Year.of(current.rules().gapBaseOfGapYear() ? gap.getYear() : today.getYear());
    }

    /** Simple interest on the amount, for each whole month from the gap month to the assessment month, at that year's rate. */
    BigDecimal interest(String district, BigDecimal amount, YearMonth gap, YearMonth assessed) {
        BigDecimal yearlyRateMonths = BigDecimal.ZERO;
        for (YearMonth m = gap; m.isBefore(assessed); m = m.plusMonths(1)) {
            yearlyRateMonths = yearlyRateMonths.add(rates.rates(district, Year.of(m.getYear())).pension().creditingRate());
        }
        return Rates.money(amount.multiply(yearlyRateMonths).divide(BigDecimal.valueOf(12), 10, java.math.RoundingMode.HALF_UP));
    }

    // ---- approvals' writes ------------------------------------------------------------------------------

    /** The lines for a write on the day: the person's lines settled first, then each checked. */
    private List<LedgerLineEntity> linesToWrite(EntityManager em, String idNumber, List<Long> lineIds,
            Set<LineStatus> statuses, LocalDate today) {
        settle(em, idNumber, today);
        return checkedLines(em, idNumber, lineIds, statuses, LineStates.of(em, idNumber, today));
    }

    void makePayable(EntityManager em, String idNumber, List<Long> lineIds, String actor) {
        List<LedgerLineEntity> lines = linesToWrite(em, idNumber, lineIds, Set.of(LineStatus.ARREARS), LocalDate.now(clock));
        long now = clock.millis();
        for (LedgerLineEntity l : lines) {
            l.status = LineStatus.PAYABLE.name();
            l.updatedAt = now;
        }
        audit(em, idNumber, actor, "PAYABLE", describe(lines));
    }

    void writeOff(EntityManager em, String idNumber, List<Long> lineIds, String actor, long taskId) {
        List<LedgerLineEntity> lines = linesToWrite(em, idNumber, lineIds, Set.of(LineStatus.ARREARS), LocalDate.now(clock));
        long now = clock.millis();
        for (LedgerLineEntity l : lines) {
            l.status = LineStatus.WRITTEN_OFF.name();
            l.updatedAt = now;
        }
        audit(em, idNumber, actor, "WRITE_OFF", "task " + taskId + ": " + describe(lines));
    }

    GapAssessment makeGapsPayable(EntityManager em, String idNumber, List<YearMonth> months, LocalDate today, String actor) {
        GapAssessment assessment = assessGaps(em, idNumber, months, today);
        long now = clock.millis();
        Rates current = rates.rates(requirePerson(em, idNumber).district, Year.of(today.getYear()));
        for (GapCharge charge : assessment.months()) {
            List<LedgerLineEntity> existing = em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.idNumber = :p"
                    + " AND l.insuranceType = '110' AND l.kind = 'REGULAR' AND l.contributionMonth = :m",
                    LedgerLineEntity.class).setParameter("p", idNumber).setParameter("m", Months.of(charge.month()))
                    .getResultList();
            LedgerLineEntity line;
            if (existing.isEmpty()) {
                line = new LedgerLineEntity(idNumber, InsuranceType.PENSION, charge.month(), LineStatus.PAYABLE, now);
                em.persist(line);
            } else {
                // a written-off month being back-paid: the write-off stays in the audit trail
                line = existing.get(0);
                line.status = LineStatus.PAYABLE.name();
                line.updatedAt = now;
            }
            line.base = charge.base().setScale(2);
            line.amount = charge.amount();
            line.tierPercent = charge.tierPercent();
            line.ratesYear = charge.ratesYear();
            line.provisionalFor = charge.provisional() ? gapBaseYear(current, charge.month(), today).getValue() : null;
            line.interest = charge.interest();
            line.origin = GAP;
        }
        audit(em, idNumber, actor, "GAP_PAYABLE", assessment.months().stream().map(c -> c.month() + " " + c.total())
                .collect(Collectors.joining(", ")));
        return assessment;
    }

    // ---- slips ------------------------------------------------------------------------------------------

    Slip issueSlip(EntityManager em, String idNumber, List<Long> lineIds, LocalDate today) {
        PersonEntity p = requirePerson(em, idNumber);
        List<LedgerLineEntity> lines = linesToWrite(em, idNumber, lineIds, Set.of(LineStatus.PAYABLE), today);
        Rates now = rates.rates(p.district, Year.of(today.getYear()));
        String voucherNo;
        do {
            voucherNo = Vouchers.next(today);
        } while (em.find(SlipEntity.class, voucherNo) != null);
        List<SlipLineEntity> slipLines = new ArrayList<>();
        BigDecimal total = Rates.money(BigDecimal.ZERO);
        for (LedgerLineEntity l : lines) {
            BigDecimal fee = lateFee(l, p.district, today);
            SlipLineEntity sl = new SlipLineEntity(voucherNo, l, fee);
            slipLines.add(sl);
            total = total.add(sl.amount).add(sl.lateFee).add(sl.interest);
        }
        // valid for the configured days counting the day of issue: issued 12-02, valid through 12-31 (30 days)
        SlipEntity slip = new SlipEntity(voucherNo, idNumber, today, today.plusDays(now.rules().slipValidDays() - 1L), total);
        em.persist(slip);
        slipLines.forEach(em::persist);
        long millis = clock.millis();
        for (LedgerLineEntity l : lines) {
            l.status = LineStatus.ON_SLIP.name();
            l.voucherNo = voucherNo;
            l.updatedAt = millis;
        }
        audit(em, idNumber, idNumber, "SLIP_ISSUED", voucherNo + " " + total + ": " + describe(lines));
        em.flush();
        return toSlip(em, slip, p, today);
    }

    Slip cancelSlip(EntityManager em, String voucherNo, String by, LocalDate today) {
        SlipEntity found = voucherNo == null ? null : em.find(SlipEntity.class, voucherNo);
        if (found != null) {
            settle(em, found.idNumber, today);
        }
        SlipEntity slip = issued(em, voucherNo);
        closeSlip(em, slip, SlipStatus.CANCELLED, by, today);
        em.flush();
        return toSlip(em, slip, em.find(PersonEntity.class, slip.idNumber), today);
    }

    Slip recordPayment(EntityManager em, String voucherNo, String paymentRef, LocalDate paidOn) {
        SlipEntity slip = issued(em, voucherNo);
        if (paidOn.isAfter(slip.validUntil)) {
            throw new ShebaoException(Kind.CONFLICT, "slip-expired", Messages.text("records.slip.expired", voucherNo,
                    slip.validUntil.toString()));
        }
        if (paymentRef == null || paymentRef.isBlank()) {
            throw new ShebaoException(Kind.BAD_INPUT, "payment-ref-required", Messages.text("records.slip.paymentRef"),
                    List.of(new FieldError("paymentRef", Messages.text("records.slip.paymentRef"))));
        }
        slip.status = SlipStatus.PAID.name();
        slip.paymentRef = paymentRef.trim();
        slip.closedOn = paidOn;
        slip.closedBy = "payment";
        long now = clock.millis();
        for (LedgerLineEntity l : slipLedgerLines(em, voucherNo)) {
            l.status = LineStatus.PAID.name();
            l.paymentRef = slip.paymentRef;
            l.updatedAt = now;
        }
        audit(em, slip.idNumber, "payment", "SLIP_PAID", voucherNo + " " + slip.paymentRef);
        em.flush();
        return toSlip(em, slip, em.find(PersonEntity.class, slip.idNumber), paidOn);
    }

    private SlipEntity issued(EntityManager em, String voucherNo) {
        SlipEntity slip = voucherNo == null ? null : em.find(SlipEntity.class, voucherNo);
        if (slip == null) {
            throw new ShebaoException(Kind.NOT_FOUND, "slip-missing", Messages.text("records.slip.notFound", voucherNo));
        }
        if (!SlipStatus.ISSUED.name().equals(slip.status)) {
            throw new ShebaoException(Kind.CONFLICT, "slip-not-issued", Messages.text("records.slip.notIssued", voucherNo,
                    Messages.text("slip.status." + slip.status)));
        }
        return slip;
    }

    /** Cancelled or expired: the slip's lines return to PAYABLE. */
    private void closeSlip(EntityManager em, SlipEntity slip, SlipStatus status, String by, LocalDate today) {
        slip.status = status.name();
        slip.closedBy = by;
        slip.closedOn = today;
        long now = clock.millis();
        for (LedgerLineEntity l : slipLedgerLines(em, slip.voucherNo)) {
            l.status = LineStatus.PAYABLE.name();
            l.voucherNo = null;
            l.updatedAt = now;
        }
        audit(em, slip.idNumber, by, "SLIP_" + status.name(), slip.voucherNo);
    }

    private static List<LedgerLineEntity> slipLedgerLines(EntityManager em, String voucherNo) {
        return em.createQuery("SELECT l FROM LedgerLineEntity l WHERE l.voucherNo = :v AND l.status = 'ON_SLIP'",
                LedgerLineEntity.class).setParameter("v", voucherNo).getResultList();
    }

    List<Slip> slips(EntityManager em, String idNumber) {
        PersonEntity p = em.find(PersonEntity.class, idNumber);
        if (p == null) {
            return List.of();
        }
        return em.createQuery("SELECT s FROM SlipEntity s WHERE s.idNumber = :p ORDER BY s.issuedOn DESC, s.voucherNo",
                SlipEntity.class).setParameter("p", idNumber).getResultList().stream()
                .map(s -> toSlip(em, s, p, LocalDate.now(clock))).toList();
    }

    Optional<Slip> slip(EntityManager em, String voucherNo) {
        SlipEntity s = voucherNo == null ? null : em.find(SlipEntity.class, voucherNo);
        return s == null ? Optional.empty()
                : Optional.of(toSlip(em, s, em.find(PersonEntity.class, s.idNumber), LocalDate.now(clock)));
    }

    // ---- conversions ------------------------------------------------------------------------------------

    /** The late fee of an unpaid line on the day, from its due month (a back-paid gap month bears none). */
    private BigDecimal lateFee(LedgerLineEntity l, String district, LocalDate today) {
        if (GAP.equals(l.origin) || l.amount.signum() <= 0) {
            return Rates.money(BigDecimal.ZERO);
        }
        YearMonth month = Months.at(l.contributionMonth);
        return rates.rates(district, Year.of(month.getYear())).lateFee(l.amount, Months.at(l.dueMonth), today);
    }

    private LedgerLine toLine(LedgerLineEntity l, String district, LocalDate today, LineStates states) {
        LineStatus status = states.of(l);
        BigDecimal fee = status == LineStatus.ARREARS || status == LineStatus.PAYABLE ? lateFee(l, district, today)
                : Rates.money(BigDecimal.ZERO);
        return new LedgerLine(l.id, l.type(), l.month(), l.base, l.amount, fee, Rates.money(l.interest), status,
                states.voucherOf(l), LineKind.valueOf(l.kind), l.ratesYear, l.provisionalFor != null);
    }

    private static Slip toSlip(EntityManager em, SlipEntity s, PersonEntity p, LocalDate today) {
        List<SlipLine> lines = em.createQuery("SELECT l FROM SlipLineEntity l WHERE l.voucherNo = :v"
                + " ORDER BY l.contributionMonth, l.insuranceType, l.kind DESC", SlipLineEntity.class)
                .setParameter("v", s.voucherNo).getResultList().stream()
                .map(l -> new SlipLine(l.lineId, InsuranceType.ofCode(l.insuranceType).orElseThrow(),
                        Months.at(l.contributionMonth), l.base, l.amount, l.lateFee, l.interest, LineKind.valueOf(l.kind),
                        l.ratesYear, l.provisional)).toList();
        return new Slip(s.voucherNo, s.idNumber, p == null ? "" : p.name, p == null ? "" : p.district, s.issuedOn,
                s.validUntil, LineStates.of(s, today), lines, s.total, s.paymentRef);
    }

    static Person toPerson(PersonEntity p) {
        return new Person(new ResidentId(p.idNumber), p.name, Sex.valueOf(p.sex), p.birthDate, p.district,
                Household.valueOf(p.household),
                new Contact(p.mobile, p.address, p.postalCode, p.email, p.emergencyName, p.emergencyPhone), p.photoId);
    }

    static Enrolment toEnrolment(EnrolmentEntity e) {
        return new Enrolment(InsuranceType.ofCode(e.insuranceType).orElseThrow(), EnrolmentStatus.valueOf(e.status),
                e.tierPercent, Months.at(e.startMonth), Months.at(e.payingFrom),
                e.payingUntil == null ? null : Months.at(e.payingUntil), e.tierChangedOn);
    }

    private static String describe(List<LedgerLineEntity> lines) {
        return lines.stream().map(l -> l.insuranceType + "/" + Months.at(l.contributionMonth) + "#" + l.id)
                .collect(Collectors.joining(", "));
    }

    /** The person's district, or null when there is no record. */
    String district(EntityManager em, String idNumber) {
        PersonEntity p = em.find(PersonEntity.class, idNumber);
        return p == null ? null : p.district;
    }

    void audit(EntityManager em, String idNumber, String actor, String action, String detail) {
        em.persist(new RecordAuditEntity(idNumber, clock.millis(), actor == null ? "system" : actor, action, detail));
    }
}
