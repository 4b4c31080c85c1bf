package org.shebao.plugin.problemreport.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.i18n.Text;
import org.shebao.api.spi.BusinessType;

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<BusinessType> businesses;

    @Activate
    public ReportService(@Reference(target = "(osgi.unit.name=shebao-problem-report)") JpaTemplate jpa,
            @Reference Clock clock, @Reference EventAdmin events) {
        this.jpa = jpa;
        this.clock = clock;
        this.events = events;
    }

    static Text t(String key, Object... args) {
        return Text.of(ReportService.class, "org.shebao.plugin.problemreport.internal.messages", key, args);
    }

    /** The businesses a report can be about: those installed now that serve the citizen's district. */
    List<BusinessType> businessesFor(String district) {
        return businesses.stream().filter(b -> b.districts().isEmpty() || b.districts().contains(district))
                .sorted(java.util.Comparator.comparing(BusinessType::id)).toList();
    }

    /** Checks a report: the business exists, 10 to 1000 characters, expected today or later. */
    static List<FieldError> errors(Optional<BusinessType> business, String description, String expectedBy, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (business.isEmpty()) {
            errors.add(new FieldError("businessType", t("error.business")));
        }
        int length = description == null ? 0 : description.strip().codePointCount(0, description.strip().length());
        if (length < 10 || length > 1000) {
            errors.add(new FieldError("description", t("error.description", length)));
        }
        try {
            if (expectedBy == null || LocalDate.parse(expectedBy.trim()).isBefore(today)) {
                errors.add(new FieldError("expectedBy", t("error.expectedBy", today.toString())));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("expectedBy", t("error.expectedBy", today.toString())));
        }
        return errors;
    }

    Map<String, Object> send(Account citizen, String businessType, String description, String expectedBy, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        Optional<BusinessType> business = businessesFor(citizen.district()).stream()
                .filter(b -> b.id().equals(businessType)).findFirst();
        List<FieldError> errors = errors(business, description, expectedBy, today);
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "report-invalid", t("error.invalid"), errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ReportEntity r = new ReportEntity();
            r.owner = citizen.login();
            r.ownerName = citizen.displayName();
            r.district = citizen.district();
            r.businessType = business.get().id();
            r.businessName = business.get().name().in(Text.DEFAULT_LOCALE);
            r.description = description.strip();
            r.expectedBy = LocalDate.parse(expectedBy.trim());
            r.createdAt = clock.millis();
            r.status = OPEN;
            em.persist(r);
            em.flush();
            return dto(r, today, locale);
        });
    }

    List<Map<String, Object>> mine(Account citizen, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT r FROM ReportEntity r WHERE r.owner = :o ORDER BY r.createdAt DESC, r.id DESC", ReportEntity.class)
                .setParameter("o", citizen.login()).getResultList().stream().map(r -> dto(r, today, locale)).toList());
    }

    /** The district's open reports, oldest first; those past their expected date flagged overdue. */
    List<Map<String, Object>> openInDistrict(Account reviewer, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT r FROM ReportEntity r WHERE r.district = :d"
                + " AND r.status = :s ORDER BY r.createdAt, r.id", ReportEntity.class)
                .setParameter("d", reviewer.district()).setParameter("s", OPEN).getResultList().stream()
                .map(r -> dto(r, today, locale)).toList());
    }

    Map<String, Object> reply(Account reviewer, long id, String reply, Locale locale) {
        if (reply == null || reply.isBlank() || reply.strip().length() > 1000) {
            throw new ShebaoException(Kind.BAD_INPUT, "reply-invalid", t("error.reply"),
                    List.of(new FieldError("reply", t("error.reply"))));
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> answered = jpa.txExpr(TransactionType.Required, em -> {
            ReportEntity r = em.find(ReportEntity.class, id);
            if (r == null || !r.district.equals(reviewer.district())) {
                throw new ShebaoException(Kind.NOT_FOUND, "report-missing", t("error.missing"));
            }
            if (!OPEN.equals(r.status)) {
                throw new ShebaoException(Kind.CONFLICT, "report-answered", t("error.answered"));
            }
            r.status = ANSWERED;
            r.reply = reply.strip();
            r.repliedBy = reviewer.displayName();
            r.repliedAt = clock.millis();
            em.flush();
            return dto(r, today, locale);
        });
        // the citizen's console hears of it at once (after the commit)
        events.postEvent(new Event("shebao/console/problem-report", Map.of("login", String.valueOf(answered.get("owner")),
                "data", "{\"id\":" + id + ",\"status\":\"ANSWERED\",\"message\":\"" + t("notice.replied").in(Text.DEFAULT_LOCALE) + "\"}")));
        return answered;
    }

    private static Map<String, Object> dto(ReportEntity r, LocalDate today, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id);
        out.put("owner", r.owner);
        out.put("ownerName", r.ownerName);
        out.put("businessType", r.businessType);
        out.put("businessName", r.businessName);
        out.put("description", r.description);
        out.put("expectedBy", r.expectedBy.toString());
        out.put("createdAt", Instant.ofEpochMilli(r.createdAt).toString());
        out.put("status", r.status);
        out.put("statusName", t("status." + r.status).in(locale));
        out.put("overdue", OPEN.equals(r.status) && r.expectedBy.isBefore(today));
        if (r.reply != null) {
            out.put("reply", r.reply);
            out.put("repliedBy", r.repliedBy);
            out.put("repliedAt", Instant.ofEpochMilli(r.repliedAt).toString());
        }
        return out;
    }
}
