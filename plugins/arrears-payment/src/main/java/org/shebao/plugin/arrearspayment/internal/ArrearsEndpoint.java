package org.shebao.plugin.arrearspayment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.DefaultValue;
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
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;
import org.shebao.api.spi.Endpoint;
import org.shebao.api.spi.Items;
import org.shebao.api.spi.Queries;

/**
 * The citizen's queries: {@code arrears} (核定后欠费信息: totals per type over all, one page of lines) and {@code payable};
 * {@code slips} are the {@link SlipsEndpoint}'s.
 */
@Component(service = Endpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ArrearsEndpoint implements Endpoint {

    private final Records records;
    private final Clock clock;
    private final SlipsEndpoint slips;

    @Activate
    public ArrearsEndpoint(@Reference Records records, @Reference Clock clock, @Reference SlipsEndpoint slips) {
        this.records = records;
        this.clock = clock;
        this.slips = slips;
    }

    @Path("slips")
    public SlipsEndpoint slips() {
        return slips;
    }

    @GET
    @Path("arrears")
    public ArrearsRules.ArrearsPage arrears(@Context SecurityContext security, @Context HttpHeaders headers, @QueryParam("insuranceType") String type,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("10") int size) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        ArrearsRules.checkPaging(page, size);
        List<LedgerLine> all = records.lines(caller.login(), LineQuery.in(LineStatus.ARREARS).type(ArrearsRules.filter(type)),
                LocalDate.now(clock));
        return ArrearsRules.page(all, page, size, Text.preferred(headers.getAcceptableLanguages()));
    }

    @GET
    @Path("payable")
    public Items<LedgerLine.Row> payable(@Context SecurityContext security, @Context HttpHeaders headers,
            @QueryParam("from") String from) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        Locale locale = Text.preferred(headers.getAcceptableLanguages());
        return Items.of(records.lines(caller.login(), LineQuery.in(LineStatus.PAYABLE).from(Queries.month("from", from)),
                LocalDate.now(clock)), l -> l.row(locale));
    }
}
