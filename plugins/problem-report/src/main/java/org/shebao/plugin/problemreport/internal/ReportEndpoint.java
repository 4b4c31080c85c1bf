package org.shebao.plugin.problemreport.internal;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;
import org.shebao.api.spi.Endpoint;

/**
 * {@code reports}: {@code POST} (citizen), {@code GET} (the citizen's own; for a reviewer, the district's open ones),
 * {@code POST {id}/reply} (reviewer); {@code businesses}: what a report can name.
 */
@Component(service = Endpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ReportEndpoint implements Endpoint {

    /** Body of a report. */
    public record ReportRequest(String businessType, String description, String expectedBy) {
    }

    /** Body of a reply. */
    public record ReplyRequest(String reply) {
    }

    /** A business a report can name. */
    public record BusinessDto(String id, String name) {
    }

    private final ReportService reports;

    @Activate
    public ReportEndpoint(@Reference ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("businesses")
    public List<BusinessDto> businesses(@Context SecurityContext security, @Context HttpHeaders headers) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        Locale locale = locale(headers);
        return reports.businessesFor(caller.district()).stream().map(b -> new BusinessDto(b.id(), b.name().in(locale)))
                .toList();
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Context SecurityContext security, @Context HttpHeaders headers, ReportRequest request) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        ReportRequest r = request == null ? new ReportRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(reports.send(caller, r.businessType(), r.description(), r.expectedBy(), locale(headers))).build();
    }

    @GET
    @Path("reports")
    public List<ReportService.ReportDto> list(@Context SecurityContext security, @Context HttpHeaders headers) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN, Role.REVIEWER);
        return caller.has(Role.REVIEWER) ? reports.openInDistrict(caller, locale(headers)) : reports.mine(caller, locale(headers));
    }

    @POST
    @Path("reports/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportService.ReportDto reply(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("id") long id,
            ReplyRequest request) {
        Account caller = Account.of(security.getUserPrincipal(), Role.REVIEWER);
        return reports.reply(caller, id, request == null ? null : request.reply(), locale(headers));
    }

    private static Locale locale(HttpHeaders headers) {
        return Text.preferred(headers.getAcceptableLanguages());
    }
}
