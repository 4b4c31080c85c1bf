package org.shebao.plugin.arrearswriteoff.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;

/** {@code GET /api/plugins/arrears-writeoff/arrears?insuranceType=}: every arrears month, not paginated, none ticked. */
@Component(service = WriteOffResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=shebao)")
@JSONRequired
@Path("plugins/" + WriteOffBusiness.ID)
@Produces(MediaType.APPLICATION_JSON)
public class WriteOffResource {

    private final Records records;
    private final Clock clock;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public WriteOffResource(@Reference Records records, @Reference Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @GET
    @Path("arrears")
    public Map<String, Object> arrears(@QueryParam("insuranceType") String type) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        Locale locale = Text.preferred(headers.getAcceptableLanguages());
        List<LedgerLine> lines = records.lines(caller.login(), Set.of(LineStatus.ARREARS), WriteOffRules.filter(type),
                Optional.empty(), LocalDate.now(clock));
        return Map.of("items", lines.stream().map(l -> l.row(locale)).toList(), "count", lines.size());
    }
}
