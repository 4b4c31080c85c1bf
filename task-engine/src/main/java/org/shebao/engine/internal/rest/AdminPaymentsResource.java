package org.shebao.engine.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.payment.PaymentChannels;
import org.shebao.engine.internal.payment.PaymentExceptions;
import org.shebao.engine.internal.payment.PaymentExceptions.Action;
import org.shebao.engine.internal.payment.PaymentExceptions.ExceptionView;
import org.shebao.engine.internal.payment.Reconciliations;

/**
 * Collections for administrators: a channel's reconciliation file ({@code POST /api/admin/reconciliations},
 * {@code text/csv}), and the payment exceptions of the caller's district ({@code /api/admin/payment-exceptions}).
 */
@Component(service = AdminPaymentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPaymentsResource {

    /** A resolution. */
    public record ResolveRequest(Action action, String voucherNo, String note) {
    }

    private final Reconciliations reconciliations;
    private final PaymentExceptions exceptions;
    private final PaymentChannels channels;

    @Activate
    public AdminPaymentsResource(@Reference Reconciliations reconciliations, @Reference PaymentExceptions exceptions,
            @Reference PaymentChannels channels) {
        this.reconciliations = reconciliations;
        this.exceptions = exceptions;
        this.channels = channels;
    }

    @POST
    @Path("reconciliations")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Reconciliations.Report reconcile(@Context SecurityContext security, @Context HttpHeaders headers,
            @QueryParam("channel") String channel, InputStream body) throws IOException {
        Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        String account = channels.require(channel);
        try (InputStream limited = PaymentChannels.limited(body)) {
            return reconciliations.importFile(account, new InputStreamReader(limited, StandardCharsets.UTF_8),
                    Languages.of(headers));
        }
    }

    @GET
    @Path("payment-exceptions")
    public Page<ExceptionView> list(@Context SecurityContext security, @QueryParam("district") String district,
            @QueryParam("open") @DefaultValue("true") boolean open, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        return exceptions.list(caller, Optional.ofNullable(district).filter(d -> !d.isBlank()), open, Paging.page(page),
                Paging.size(size));
    }

    @POST
    @Path("payment-exceptions/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExceptionView resolve(@Context SecurityContext security, @PathParam("id") long id, ResolveRequest request) {
        Account caller = Callers.require(security, Role.ADMIN, Role.DISTRICT_ADMIN);
        ResolveRequest r = request == null ? new ResolveRequest(null, null, null) : request;
        return exceptions.resolve(caller, id, r.action(), r.voucherNo(), r.note());
    }

}
