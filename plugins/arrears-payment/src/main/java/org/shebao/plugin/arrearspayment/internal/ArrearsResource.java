package org.shebao.plugin.arrearspayment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

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
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Arrears;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;
import org.shebao.api.records.Slip;
import org.shebao.api.records.SlipLine;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.t;

/**
 * The plugin's own endpoints under {@code /api/plugins/arrears-payment}: the arrears query, the payable lines a
 * slip is made from, slips (issue, list, the .xlsx, cancellation by the district office).
 */
@Component(service = ArrearsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=shebao)")
@JSONRequired
@Path("plugins/" + ArrearsPaymentBusiness.ID)
@Produces(MediaType.APPLICATION_JSON)
public class ArrearsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Body of a slip request: the ticked PAYABLE lines. */
    public record SlipRequest(List<Long> lines) {
    }

    private final Records records;
    private final Clock clock;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public ArrearsResource(@Reference Records records, @Reference Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    private Account citizen() {
        return Account.of(security.getUserPrincipal(), Role.CITIZEN);
    }

    private Locale locale() {
        return Text.preferred(headers.getAcceptableLanguages());
    }

    /** The plugin's screen for the console (an ES module). */
    @GET
    @Path("ui/slips.js")
    @Produces("text/javascript;charset=UTF-8")
    public String slipsModule() throws java.io.IOException {
        try (java.io.InputStream in = ArrearsResource.class.getResourceAsStream("/ui/slips.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The texts of that screen, in the caller's language. */
    @GET
    @Path("ui/messages")
    public Map<String, String> uiMessages() {
        Locale locale = locale();
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("org.shebao.plugin.arrearspayment.internal.messages",
                locale, ArrearsResource.class.getClassLoader(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new java.util.TreeMap<>();
        bundle.keySet().stream().filter(k -> k.startsWith("ui.")).forEach(k -> texts.put(k, bundle.getString(k)));
        return texts;
    }

    /** 核定后欠费信息: totals per type over all arrears of the query, and one page of the lines. */
    @GET
    @Path("arrears")
    public Map<String, Object> arrears(@QueryParam("insuranceType") String type, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("10") int size) {
        Account caller = citizen();
        Locale locale = locale();
        Arrears arrears = records.arrears(caller.login(), ArrearsRules.filter(type), page, size, LocalDate.now(clock));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totals", arrears.totals().stream().map(total -> total.row(locale)).toList());
        out.put("total", arrears.total());
        out.put("items", arrears.items().stream().map(l -> l.row(locale)).toList());
        out.put("count", arrears.count());
        out.put("page", arrears.page());
        out.put("size", arrears.size());
        return out;
    }

    /** Lines approved for payment (arrears and back-paid gaps) from a month, for a slip. */
    @GET
    @Path("payable")
    public Map<String, Object> payable(@QueryParam("from") String from) {
        Account caller = citizen();
        Locale locale = locale();
        List<LedgerLine> lines = records.lines(caller.login(), Set.of(LineStatus.PAYABLE), Optional.empty(), month("from", from),
                LocalDate.now(clock));
        return Map.of("items", lines.stream().map(l -> l.row(locale)).toList(), "count", lines.size());
    }

    /** 生成欠费补缴单: a slip from ticked PAYABLE lines. */
    @POST
    @Path("slips")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(SlipRequest request) {
        Account caller = citizen();
        List<Long> lines = request == null || request.lines() == null ? List.of() : request.lines();
        Slip slip = records.issueSlip(caller.login(), lines, LocalDate.now(clock));
        return Response.status(Response.Status.CREATED).entity(slip(slip, locale())).build();
    }

    @GET
    @Path("slips")
    public List<Map<String, Object>> slips() {
        Account caller = citizen();
        Locale locale = locale();
        return records.slips(caller.login()).stream().map(s -> slip(s, locale)).toList();
    }

    @GET
    @Path("slips/{voucherNo: \\d{20}}")
    public Map<String, Object> slip(@PathParam("voucherNo") String voucherNo) {
        return slip(visible(voucherNo), locale());
    }

    /** The slip as an Excel workbook. */
    @GET
    @Path("slips/{voucherNo: \\d{20}}.xlsx")
    @Produces(XLSX)
    public Response xlsx(@PathParam("voucherNo") String voucherNo) {
        Slip slip = visible(voucherNo);
        Locale locale = locale();
        StreamingOutput body = out -> SlipWorkbook.write(slip, locale, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + slip.voucherNo() + ".xlsx\"").build();
    }

    /** Cancellation: only the district office of the slip's citizen (or a platform administrator). */
    @POST
    @Path("slips/{voucherNo: \\d{20}}/cancel")
    public Map<String, Object> cancel(@PathParam("voucherNo") String voucherNo) {
        Account caller = Account.of(security.getUserPrincipal(), Role.DISTRICT_ADMIN, Role.ADMIN);
        Slip slip = records.slip(voucherNo).filter(s -> caller.has(Role.ADMIN) || s.district().equals(caller.district()))
                .orElseThrow(ArrearsResource::notFound);
        return slip(records.cancelSlip(slip.voucherNo(), caller.login(), LocalDate.now(clock)), locale());
    }

    /** The citizen's own slip, or one of the district for its staff; 404 for anyone else. */
    private Slip visible(String voucherNo) {
        Account caller = Account.of(security.getUserPrincipal());
        return records.slip(voucherNo).filter(s -> s.idNumber().equals(caller.login()) || caller.has(Role.ADMIN)
                || ((caller.has(Role.DISTRICT_ADMIN) || caller.has(Role.REVIEWER)) && s.district().equals(caller.district())))
                .orElseThrow(ArrearsResource::notFound);
    }

    private static ShebaoException notFound() {
        return new ShebaoException(Kind.NOT_FOUND, "slip-missing", t("error.slipMissing"));
    }

    private static Optional<YearMonth> month(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-month", t("error.month"), List.of(new FieldError(field, t("error.month"))));
        }
    }

    static Map<String, Object> slip(Slip slip, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("voucherNo", slip.voucherNo());
        out.put("status", slip.status().name());
        out.put("statusName", t("slip.status." + slip.status().name()).in(locale));
        out.put("issuedOn", slip.issuedOn().toString());
        out.put("validUntil", slip.validUntil().toString());
        out.put("total", slip.total());
        out.put("lines", slip.lines().stream().map(l -> line(l, locale)).toList());
        out.put("xlsx", "/api/plugins/" + ArrearsPaymentBusiness.ID + "/slips/" + slip.voucherNo() + ".xlsx");
        return out;
    }

    private static Map<String, Object> line(SlipLine l, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("insuranceType", l.type().code());
        out.put("typeName", l.type().label().in(locale));
        out.put("month", l.month().toString());
        out.put("base", l.base());
        out.put("amount", l.amount());
        out.put("lateFee", l.lateFee());
        out.put("interest", l.interest());
        out.put("total", l.total());
        return out;
    }

}
