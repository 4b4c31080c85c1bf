package org.shebao.engine.internal.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.ClientAddresses;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.api.spi.Queries;
import org.shebao.engine.internal.certificate.Certificates;
import org.shebao.engine.internal.certificate.Certificates.Issued;
import org.shebao.engine.internal.certificate.Masks;

/**
 * Contribution certificates: a citizen issues one ({@code POST /api/certificates}); anyone verifies it by its code
 * ({@code GET /api/certificates/{code}}, no login, at most so many a minute per client address), seeing the name and
 * ID number masked.
 */
@Component(service = CertificateResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    /** The period asked for (each end optional, {@code YYYY-MM}). */
    public record IssueRequest(String from, String to) {
    }

    /** What the citizen gets. */
    public record IssuedDto(String code, LocalDate issuedOn, LocalDate validUntil, String url) {
    }

    /** A paid period as a third party reads it. */
    public record PeriodDto(String insuranceType, String typeName, String from, String to, int months) {
    }

    /** The certificate as a third party reads it. */
    public record VerifiedDto(String code, boolean valid, String name, String idNumber, String district,
            String districtName, List<PeriodDto> periods, LocalDate issuedOn, LocalDate validUntil) {
    }

    private final Certificates certificates;
    private final Districts districts;

    private final ClientAddresses addresses;

    @Activate
    public CertificateResource(@Reference Certificates certificates, @Reference Districts districts,
            @Reference ClientAddresses addresses) {
        this.addresses = addresses;
        this.certificates = certificates;
        this.districts = districts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Context SecurityContext security, IssueRequest request) {
        Account caller = Callers.require(security, Role.CITIZEN);
        IssueRequest r = request == null ? new IssueRequest(null, null) : request;
        Issued issued = certificates.issue(caller.login(), Queries.month("from", r.from()), Queries.month("to", r.to()));
        return Response.status(Response.Status.CREATED).entity(new IssuedDto(issued.code(), issued.issuedOn(),
                issued.validUntil(), "/console/verify/" + issued.code())).build();
    }

    @GET
    @Path("{code}")
    public Response verify(@PathParam("code") String code, @Context HttpServletRequest http, @Context HttpHeaders headers) {
        certificates.countVerification(addresses.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For")));
        Issued c = certificates.find(code).orElseThrow(NotFoundException::new);
        Locale locale = Languages.of(headers);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new VerifiedDto(c.code(), certificates.valid(c), Masks.name(c.name()), Masks.idNumber(c.idNumber()),
                c.district(), districts.name(c.district()).in(locale), c.periods().stream().map(p -> new PeriodDto(
                        p.type().code(), p.type().label().in(locale), p.from().toString(), p.to().toString(), p.months()))
                        .toList(), c.issuedOn(), c.validUntil())).cacheControl(noStore).build();
    }
}
