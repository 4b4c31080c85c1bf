package org.shebao.engine.internal.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.Throttles;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.Records;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.records.Actor;
import org.shebao.api.notify.NotificationKind;
import org.shebao.engine.internal.notify.Inbox;

/**
 * Contribution certificates (参保缴费证明): the paid months of a period, snapshotted at issue under a code of 130
 * random bits, valid {@code validMonths} (etc/org.shebao.certificates.cfg, default 3) from the day of issue.
 */
@Component(service = Certificates.class, configurationPid = "org.shebao.certificates",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Certificates.Config.class)
public class Certificates {

    @ObjectClassDefinition(name = "Shebao contribution certificates")
    public @interface Config {
        @AttributeDefinition(description = "Months a certificate stays valid, counting the day of issue")
        int validMonths() default 3;

        @AttributeDefinition(description = "Verifications per minute from one client address")
        int verifyPerMinute() default 30;
    }

    /** A certificate as issued. */
    public record Issued(String code, String idNumber, String name, String district, LocalDate issuedOn,
            LocalDate validUntil, List<PaidPeriod> periods) {
    }

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final JpaTemplate jpa;
    private final Records records;
    private final Clock clock;
    private final Inbox inbox;
    private final SecureRandom random = new SecureRandom();
    private volatile Config config;

    @Activate
    public Certificates(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference Records records,
            @Reference Clock clock, @Reference Throttles throttles, @Reference Inbox inbox, Config config) {
        this.jpa = jpa;
        this.inbox = inbox;
        this.records = records;
        this.clock = clock;
        this.config = config;
        this.limiter = new VerifyLimiter(throttles);
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    private final VerifyLimiter limiter;

    /** Counts a verification from the client address; refused (429) past the configured rate. */
    public void countVerification(String address) {
        limiter.check(address, config.verifyPerMinute());
    }

    /** Issues a certificate of the person's paid months from, to (each optional); refused when there are none. */
    public Issued issue(String idNumber, Optional<YearMonth> from, Optional<YearMonth> to) {
        Person person = records.person(idNumber).orElseThrow(() -> none());
        LocalDate today = LocalDate.now(clock);
        List<LedgerLine> paid = records.lines(idNumber, LineQuery.in(LineStatus.PAID).from(from).to(to)
                .kinds(java.util.Set.of(LineKind.REGULAR)), today);
        Map<InsuranceType, List<YearMonth>> months = new EnumMap<>(InsuranceType.class);
        paid.forEach(l -> months.computeIfAbsent(l.type(), t -> new java.util.ArrayList<>()).add(l.month()));
        List<PaidPeriod> periods = PaidPeriod.of(months);
        if (periods.isEmpty()) {
            throw none();
        }
        String code = code();
        LocalDate validUntil = today.plusMonths(config.validMonths()).minusDays(1);
        String text = periods.stream().map(PaidPeriod::encode).collect(Collectors.joining("\n"));
        Transactions.inTransaction(jpa, em -> {
            em.persist(new CertificateEntity(code, idNumber, person.name(), person.district(), today, validUntil, text,
                    clock.millis()));
            Actor.of(idNumber).audit(em, idNumber, "CERTIFICATE_ISSUED", code + " " + text.replace('\n', ' '), clock.millis());
            inbox.post(em, idNumber, NotificationKind.CERTIFICATE_ISSUED, Messages.text("notify.certificateIssued", code,
                    validUntil.toString()), "#/records", code);
            return null;
        });
        return new Issued(code, idNumber, person.name(), person.district(), today, validUntil, periods);
    }

    /** The certificate of the code, as issued. */
    public Optional<Issued> find(String code) {
        if (code == null || !code.matches("[A-Z2-7]{26}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(jpa.txExpr(em -> em.find(CertificateEntity.class, code))).map(c -> new Issued(c.code,
                c.idNumber, c.name, c.district, c.issuedOn, c.validUntil,
                Arrays.stream(c.periods.split("\n")).map(PaidPeriod::decode).toList()));
    }

    /** Whether it is still valid today (through its last day, local time). */
    public boolean valid(Issued certificate) {
        return !LocalDate.now(clock).isAfter(certificate.validUntil());
    }

    /** 26 base32 characters: 130 random bits. */
    private String code() {
        StringBuilder code = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            code.append(BASE32[random.nextInt(32)]);
        }
        return code.toString();
    }

    private static ShebaoException none() {
        return new ShebaoException(Kind.CONFLICT, "no-paid-months", Messages.text("certificate.none"));
    }
}
