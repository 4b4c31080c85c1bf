package org.shebao.plugin.problemreport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
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
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;

/**
 * {@code /api/plugins/problem-report}: {@code POST reports} (citizen), {@code GET reports} (the citizen's own; for a
 * reviewer, the district's open ones), {@code POST reports/{id}/reply} (reviewer), the businesses a report can name,
 * and the plugin's screens.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=shebao)")
@JSONRequired
@Path("plugins/problem-report")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** Body of a report. */
    public record ReportRequest(String businessType, String description, String expectedBy) {
    }

    /** Body of a reply. */
    public record ReplyRequest(String reply) {
    }

    private final ReportService reports;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public ReportResource(@Reference ReportService reports) {
        this.reports = reports;
    }

    private Locale locale() {
        return Text.preferred(headers.getAcceptableLanguages());
    }

    @GET
    @Path("businesses")
    public List<Map<String, String>> businesses() {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        Locale locale = locale();
        return reports.businessesFor(caller.district()).stream()
                .map(b -> Map.of("id", b.id(), "name", b.name().in(locale))).toList();
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(ReportRequest request) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        ReportRequest r = request == null ? new ReportRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(reports.send(caller, r.businessType(), r.description(), r.expectedBy(), locale())).build();
    }

    @GET
    @Path("reports")
    public List<Map<String, Object>> list() {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN, Role.REVIEWER);
        return caller.has(Role.REVIEWER) ? reports.openInDistrict(caller, locale()) : reports.mine(caller, locale());
    }

    @POST
    @Path("reports/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> reply(@PathParam("id") long id, ReplyRequest request) {
        Account caller = Account.of(security.getUserPrincipal(), Role.REVIEWER);
        return reports.reply(caller, id, request == null ? null : request.reply(), locale());
    }

    /** The plugin's screens (ES modules): {@code report.js}, {@code query.js}, {@code answer.js}. */
    @GET
    @Path("ui/{module: (report|query|answer)\\.js}")
    @Produces("text/javascript;charset=UTF-8")
    public String module(@PathParam("module") String module) throws IOException {
        try (InputStream in = ReportResource.class.getResourceAsStream("/ui/" + module)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The screens' texts in the caller's language. */
    @GET
    @Path("ui/messages")
    public Map<String, String> messages() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.shebao.plugin.problemreport.internal.messages", locale(),
                ReportResource.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new TreeMap<>();
        bundle.keySet().stream().filter(k -> k.startsWith("ui.")).forEach(k -> texts.put(k, bundle.getString(k)));
        return texts;
    }
}
