package org.shebao.plugin.arrearswriteoff.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

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

/** {@code arrears?insuranceType=}: every arrears month of a type (310 brings 330) or all, not paginated, none ticked. */
@Component(service = Endpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class WriteOffEndpoint implements Endpoint {

    private final Records records;
    private final Clock clock;

    @Activate
    public WriteOffEndpoint(@Reference Records records, @Reference Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @GET
    @Path("arrears")
    public Items<LedgerLine.Row> arrears(@Context SecurityContext security, @Context HttpHeaders headers,
            @QueryParam("insuranceType") String type) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        Locale locale = Text.preferred(headers.getAcceptableLanguages());
        return Items.of(records.lines(caller.login(), LineQuery.in(LineStatus.ARREARS).type(WriteOffRules.filter(type)),
                LocalDate.now(clock)), l -> l.row(locale));
    }
}
