package org.shebao.engine.internal.rest;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.rating.RatingSummaries;

/**
 * {@code GET /api/admin/ratings?businessType=&district=&from=&to=}: the ratings of a period (by default the last 30
 * days up to today), for the city's administrator (any district or all) or a district's (their own).
 */
@Component(service = AdminRatingsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin/ratings")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRatingsResource {

    static final int DEFAULT_DAYS = 30;

    private final RatingSummaries summaries;
    private final Districts districts;
    private final Clock clock;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public AdminRatingsResource(@Reference RatingSummaries summaries, @Reference Districts districts,
            @Reference Clock clock) {
        this.summaries = summaries;
        this.districts = districts;
        this.clock = clock;
    }

    @GET
    public RatingSummaries.Summary find(@QueryParam("businessType") String businessType,
            @QueryParam("district") String district, @QueryParam("from") String from, @QueryParam("to") String to)
            throws SQLException {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        String scope = Callers.districtScope(caller, district, districts, "rating.district.forbidden");
        LocalDate last = day("to", to, LocalDate.now(clock));
        LocalDate first = day("from", from, last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-period", Messages.text("rating.period.invalid"),
                    List.of(new FieldError("from", Messages.text("rating.period.invalid"))));
        }
        String type = businessType == null || businessType.isBlank() ? null : businessType.trim();
        return summaries.of(new RatingSummaries.Filter(type, scope, first, last), Languages.of(headers));
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (day.getYear() < 1900 || day.getYear() > 2999) {
                throw bad(field);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw bad(field);
        }
    }

    private static ShebaoException bad(String field) {
        return new ShebaoException(Kind.BAD_INPUT, "bad-day", Messages.text("rating.day.invalid"),
                List.of(new FieldError(field, Messages.text("rating.day.invalid"))));
    }
}
