package org.shebao.plugin.gappayment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
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
import org.shebao.api.records.Records;

import static org.shebao.plugin.gappayment.internal.GapRules.t;

/**
 * {@code GET /api/plugins/gap-payment/gaps?from=YYYY-MM}: the interruption periods (中断期) from a month (none = all),
 * each back-payable one with what back-paying it costs today.
 */
@Component(service = GapResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=shebao)")
@JSONRequired
@Path("plugins/" + GapPaymentBusiness.ID)
@Produces(MediaType.APPLICATION_JSON)
public class GapResource {

    private final Records records;
    private final Clock clock;

    @Context
    private SecurityContext security;

    @Activate
    public GapResource(@Reference Records records, @Reference Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The interruption periods (中断期): from, to, months, principal, interest and subtotal of each. */
    @GET
    @Path("gaps")
    public Map<String, Object> gaps(@QueryParam("from") String from) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        List<GapPeriods.Row> items = GapPeriods.current(records, caller.login(), month(from), LocalDate.now(clock)).stream()
                .map(GapPeriods::row).toList();
        return Map.of("items", items, "count", items.size());
    }

    private static Optional<YearMonth> month(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-month", t("error.month"), List.of(new FieldError("from", t("error.month"))));
        }
    }
}
