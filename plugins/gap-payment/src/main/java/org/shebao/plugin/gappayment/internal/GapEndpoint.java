package org.shebao.plugin.gappayment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
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
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.spi.Endpoint;

import static org.shebao.plugin.gappayment.internal.GapRules.TEXTS;

/**
 * {@code gaps?from=YYYY-MM}: the interruption periods (中断期) from a month (none = all): from, to, months, and for each
 * back-payable one the principal, interest and subtotal of back-paying it today.
 */
@Component(service = Endpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class GapEndpoint implements Endpoint {

    /** The periods. */
    public record Periods(List<GapPeriods.Row> items, int count) {
    }

    private final Gaps gaps;
    private final Clock clock;

    @Activate
    public GapEndpoint(@Reference Gaps gaps, @Reference Clock clock) {
        this.gaps = gaps;
        this.clock = clock;
    }

    @GET
    @Path("gaps")
    public Periods periods(@Context SecurityContext security, @QueryParam("from") String from) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        List<GapPeriods.Row> items = GapPeriods.current(gaps, caller.login(), month(from), LocalDate.now(clock)).stream()
                .map(GapPeriods::row).toList();
        return new Periods(items, items.size());
    }

    private static Optional<YearMonth> month(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-month", TEXTS.t("error.month"),
                    List.of(new FieldError("from", TEXTS.t("error.month"))));
        }
    }
}
