package org.shebao.plugin.gappayment.internal;

import java.time.Clock;
import java.time.LocalDate;

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
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.spi.Endpoint;
import org.shebao.api.spi.Items;
import org.shebao.api.spi.Queries;


/**
 * {@code gaps?from=YYYY-MM}: the interruption periods (中断期) from a month (none = all): from, to, months, and for each
 * back-payable one the principal, interest and subtotal of back-paying it today.
 */
@Component(service = Endpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class GapEndpoint implements Endpoint {

    private final Gaps gaps;
    private final Clock clock;

    @Activate
    public GapEndpoint(@Reference Gaps gaps, @Reference Clock clock) {
        this.gaps = gaps;
        this.clock = clock;
    }

    @GET
    @Path("gaps")
    public Items<GapPeriods.Row> periods(@Context SecurityContext security, @QueryParam("from") String from) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        return Items.of(GapPeriods.current(gaps, caller.login(), Queries.month("from", from), LocalDate.now(clock))
                .stream().map(GapPeriods::row).toList());
    }
}
