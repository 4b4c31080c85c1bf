package org.shebao.plugin.arrearspayment.internal;

import java.time.Clock;
import java.time.LocalDate;
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
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Slip;
import org.shebao.api.records.Slips;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.TEXTS;

/**
 * 生成欠费补缴单: {@code slips} (reached through {@link ArrearsEndpoint#slips()}) — issue one from ticked PAYABLE lines, the caller's list, one slip, its .xlsx, and
 * cancellation by the district office of the slip's citizen (or a platform administrator).
 */
@Component(service = SlipsEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class SlipsEndpoint {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Body of a slip request: the ticked PAYABLE lines. */
    public record SlipRequest(List<Long> lines) {
    }

    private final Slips slips;
    private final Districts districts;
    private final Clock clock;

    @Activate
    public SlipsEndpoint(@Reference Slips slips, @Reference Districts districts, @Reference Clock clock) {
        this.slips = slips;
        this.districts = districts;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Context SecurityContext security, @Context HttpHeaders headers, SlipRequest request) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        List<Long> lines = request == null || request.lines() == null ? List.of() : request.lines();
        Slip slip = slips.issue(caller.login(), lines, LocalDate.now(clock));
        return Response.status(Response.Status.CREATED).entity(SlipDto.of(slip, locale(headers))).build();
    }

    @GET
    public List<SlipDto> mine(@Context SecurityContext security, @Context HttpHeaders headers) {
        Account caller = Account.of(security.getUserPrincipal(), Role.CITIZEN);
        Locale locale = locale(headers);
        return slips.slips(caller.login()).stream().map(s -> SlipDto.of(s, locale)).toList();
    }

    @GET
    @Path("{voucherNo: \\d{20}}")
    public SlipDto slip(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("voucherNo") String voucherNo) {
        return SlipDto.of(visible(security, voucherNo), locale(headers));
    }

    /** The slip as an Excel workbook. */
    @GET
    @Path("{voucherNo: \\d{20}}.xlsx")
    @Produces(XLSX)
    public Response xlsx(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("voucherNo") String voucherNo) {
        Slip slip = visible(security, voucherNo);
        Locale locale = locale(headers);
        StreamingOutput body = out -> SlipWorkbook.write(slip, districts.name(slip.district()), locale, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + slip.voucherNo() + ".xlsx\"").build();
    }

    /** Cancellation: only the district office of the slip's citizen (or a platform administrator). */
    @POST
    @Path("{voucherNo: \\d{20}}/cancel")
    public SlipDto cancel(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("voucherNo") String voucherNo) {
        Account caller = Account.of(security.getUserPrincipal(), Role.DISTRICT_ADMIN, Role.ADMIN);
        Slip slip = slips.slip(voucherNo).filter(s -> caller.has(Role.ADMIN) || s.district().equals(caller.district()))
                .orElseThrow(SlipsEndpoint::notFound);
        return SlipDto.of(slips.cancel(slip.voucherNo(), caller.login(), LocalDate.now(clock)), locale(headers));
    }

    /** The citizen's own slip, or one of the district for its staff; 404 for anyone else. */
    private Slip visible(SecurityContext security, String voucherNo) {
        Account caller = Account.of(security.getUserPrincipal());
        return slips.slip(voucherNo).filter(s -> s.idNumber().equals(caller.login()) || caller.has(Role.ADMIN)
                || ((caller.has(Role.DISTRICT_ADMIN) || caller.has(Role.REVIEWER)) && s.district().equals(caller.district())))
                .orElseThrow(SlipsEndpoint::notFound);
    }

    private static ShebaoException notFound() {
        return new ShebaoException(Kind.NOT_FOUND, "slip-missing", TEXTS.t("error.slipMissing"));
    }

    private static Locale locale(HttpHeaders headers) {
        return Text.preferred(headers.getAcceptableLanguages());
    }
}
