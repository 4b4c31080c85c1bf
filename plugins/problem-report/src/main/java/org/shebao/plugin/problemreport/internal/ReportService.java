package org.shebao.plugin.problemreport.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.i18n.Text;
import org.shebao.api.i18n.Texts;
import org.shebao.api.notify.NotificationKind;
import org.shebao.api.notify.Notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shebao.api.spi.BusinessCatalog;
import org.shebao.api.spi.BusinessCatalog.BusinessInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problem reports in the plugin's own persistence unit ({@code shebao-problem-report}): citizens send and read
 * theirs; reviewers of the district answer the open ones, oldest first. A reply reaches the citizen live (an
 * EventAdmin notice the platform streams to them).
 */
@Component(service = ReportService.class)
public class ReportService {

    static final String OPEN = "OPEN";
    static final String ANSWERED = "ANSWERED";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final EventAdmin events;

    static final Texts TEXTS = Texts.of(ReportService.class);
    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final Notifications notifications;

    /** A report as its citizen and the district's reviewers read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportDto(long id, String owner, String ownerName, String businessType, String businessName,
            String description, String expectedBy, String createdAt, String status, String statusName, boolean overdue,
            String reply, String repliedBy, String repliedAt) {
    }

    private final BusinessCatalog businesses;

    @Activate
    public ReportService(@Reference(target = "(osgi.unit.name=shebao-problem-report)") JpaTemplate jpa,
            @Reference Clock clock, @Reference EventAdmin events, @Reference BusinessCatalog businesses,
            @Reference Notifications notifications) {
        this.notifications = notifications;
        this.jpa = jpa;
        this.clock = clock;
        this.events = events;
        this.businesses = businesses;
    }

    /** The businesses a report can be about: those installed now that serve the citizen's district. */
    List<BusinessInfo> businessesFor(String district) {
        return businesses.servingDistrict(district);
    }

    /** Checks a report: the business exists, 10 to 1000 characters, expected today or later. */
    static List<FieldError> errors(Optional<BusinessInfo> business, String description, String expectedBy, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (business.isEmpty()) {
            errors.add(new FieldError("businessType", TEXTS.t("error.business")));
        }
        int length = description == null ? 0 : description.strip().codePointCount(0, description.strip().length());
        if (length < 10 || length > 1000) {
            errors.add(new FieldError("description", TEXTS.t("error.description", length)));
        }
        try {
            if (expectedBy == null || LocalDate.parse(expectedBy.trim()).isBefore(today)) {
                errors.add(new FieldError("expectedBy", TEXTS.t("error.expectedBy", today.toString())));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("expectedBy", TEXTS.t("error.expectedBy", today.toString())));
        }
        return errors;
    }

    ReportDto send(Account citizen, String businessType, String description, String expectedBy, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        Optional<BusinessInfo> business = businessesFor(citizen.district()).stream()
                .filter(b -> b.id().equals(businessType)).findFirst();
        List<FieldError> errors = errors(business, description, expectedBy, today);
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "report-invalid", TEXTS.t("error.invalid"), errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ReportEntity r = new ReportEntity();
            r.owner = citizen.login();
            r.ownerName = citizen.displayName();
            r.district = citizen.district();
            r.businessType = business.get().id();
            r.businessName = business.get().name().in(Text.DEFAULT_LOCALE);
            r.businessNameEn = business.get().name().in(Locale.ENGLISH);
            r.description = description.strip();
            r.expectedBy = LocalDate.parse(expectedBy.trim());
            r.createdAt = clock.millis();
            r.status = OPEN;
            em.persist(r);
            em.flush();
            return dto(r, today, locale);
        });
    }

    List<ReportDto> mine(Account citizen, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT r FROM ReportEntity r WHERE r.owner = :o ORDER BY r.createdAt DESC, r.id DESC", ReportEntity.class)
                .setParameter("o", citizen.login()).getResultList().stream().map(r -> dto(r, today, locale)).toList());
    }

    /** The district's open reports, oldest first; those past their expected date flagged overdue. */
    List<ReportDto> openInDistrict(Account reviewer, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT r FROM ReportEntity r WHERE r.district = :d"
                + " AND r.status = :s ORDER BY r.createdAt, r.id", ReportEntity.class)
                .setParameter("d", reviewer.district()).setParameter("s", OPEN).getResultList().stream()
                .map(r -> dto(r, today, locale)).toList());
    }

    ReportDto reply(Account reviewer, long id, String reply, Locale locale) {
        if (reply == null || reply.isBlank() || reply.strip().codePointCount(0, reply.strip().length()) > 1000) {
            throw new ShebaoException(Kind.BAD_INPUT, "reply-invalid", TEXTS.t("error.reply"),
                    List.of(new FieldError("reply", TEXTS.t("error.reply"))));
        }
        LocalDate today = LocalDate.now(clock);
        ReportEntity answered = jpa.txExpr(TransactionType.Required, em -> {
            ReportEntity r = em.find(ReportEntity.class, id);
            if (r == null || !r.district.equals(reviewer.district())) {
                throw new ShebaoException(Kind.NOT_FOUND, "report-missing", TEXTS.t("error.missing"));
            }
            if (!OPEN.equals(r.status)) {
                throw new ShebaoException(Kind.CONFLICT, "report-answered", TEXTS.t("error.answered"));
            }
            r.status = ANSWERED;
            r.reply = reply.strip();
            r.repliedBy = reviewer.displayName();
            r.repliedAt = clock.millis();
            em.flush();
            return r;
        });
        // the citizen's inbox (the report has its own storage: written once the reply is committed), and the console
        // showing the report hears of it at once
        try {
            Text business = language -> businessName(answered, language);
            notifications.post(answered.owner, NotificationKind.REPORT_ANSWERED, TEXTS.t("notify.answered",
                    business, String.valueOf(id), answered.reply), "#/entry/problem-report-query");
        } catch (RuntimeException e) {
            // the reply stands (committed); the citizen still reads it in the report and hears the console notice
            LOG.error("Problem report {}: the inbox entry of the reply was not written: {}", id, e.toString());
        }
        events.postEvent(new Event("shebao/console/problem-report", Map.of("login", answered.owner,
                "data", "{\"id\":" + id + ",\"status\":\"ANSWERED\",\"message\":\"" + TEXTS.t("notice.replied").in(Text.DEFAULT_LOCALE) + "\"}")));
        return dto(answered, today, locale);
    }

    /** The business's name in the language, as it was when the report was sent (Chinese when no English was kept). */
    private static String businessName(ReportEntity r, Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && r.businessNameEn != null ? r.businessNameEn
                : r.businessName;
    }

    private static ReportDto dto(ReportEntity r, LocalDate today, Locale locale) {
        return new ReportDto(r.id, r.owner, r.ownerName, r.businessType, businessName(r, locale), r.description,
                r.expectedBy.toString(), Instant.ofEpochMilli(r.createdAt).toString(), r.status,
                TEXTS.t("status." + r.status).in(locale), OPEN.equals(r.status) && r.expectedBy.isBefore(today), r.reply,
                r.repliedBy, r.repliedAt == null ? null : Instant.ofEpochMilli(r.repliedAt).toString());
    }
}
