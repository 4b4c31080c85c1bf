package org.shebao.plugin.gappayment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.shebao.api.records.GapCharge;
import org.shebao.api.records.GapMonth;
import org.shebao.api.records.Records;

import static org.shebao.plugin.gappayment.internal.GapRules.t;

/**
 * {@code GET /api/plugins/gap-payment/gaps?from=YYYY-MM}: the interruption months (中断期) from a month (none = all),
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

    @GET
    @Path("gaps")
    public Map<String, Object> gaps(@QueryParam("from") String from) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        LocalDate today = LocalDate.now(clock);
        List<GapMonth> gaps = records.gaps(caller.login(), month(from), today);
        List<YearMonth> payable = gaps.stream().filter(GapMonth::backPayable).map(GapMonth::month).toList();
        Map<YearMonth, GapCharge> charges = new LinkedHashMap<>();
        if (!payable.isEmpty()) {
            records.assessGaps(caller.login(), payable, today).months().forEach(c -> charges.put(c.month(), c));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (GapMonth gap : gaps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", gap.month().toString());
            row.put("month", gap.month().toString());
            row.put("backPayable", gap.backPayable());
            GapCharge charge = charges.get(gap.month());
            if (charge != null) {
                row.put("base", charge.base());
                row.put("amount", charge.amount());
                row.put("interest", charge.interest());
                row.put("total", charge.total());
            }
            items.add(row);
        }
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
