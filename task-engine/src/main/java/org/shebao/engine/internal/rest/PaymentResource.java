package org.shebao.engine.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
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
import org.shebao.engine.internal.payment.PaymentEntity.Status;
import org.shebao.engine.internal.payment.PaymentReport;
import org.shebao.engine.internal.payment.Payments;
import org.shebao.engine.internal.records.PaymentRefusal;

/**
 * {@code POST /api/payments}: a collecting channel reports a payment; 201 with what became of it, 200 with the first
 * answer for a repeat of the reference, 409 {@code channel-ref-reused} when the repeat says something else.
 */
@Component(service = PaymentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    /** The channel's report. */
    public record PaymentRequest(String voucherNo, String amount, String paidAt, String channelRef) {
    }

    /** The answer: applied, or kept as an exception with the reason. */
    public record PaymentAnswer(String channelRef, Status status, PaymentRefusal reason) {
    }

    private final Payments payments;

    @Activate
    public PaymentResource(@Reference Payments payments) {
        this.payments = payments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@Context SecurityContext security, PaymentRequest request) {
        Account channel = Callers.require(security, Role.PAYMENT_CHANNEL);
        PaymentRequest r = request == null ? new PaymentRequest(null, null, null, null) : request;
        Payments.Received received = payments.receive(channel.login(),
                PaymentReport.parse(r.voucherNo(), r.amount(), r.paidAt(), r.channelRef()), "API");
        Payments.Outcome o = received.outcome();
        return Response.status(received.repeat() ? Response.Status.OK : Response.Status.CREATED)
                .entity(new PaymentAnswer(o.channelRef(), o.status(), o.reason())).build();
    }
}
