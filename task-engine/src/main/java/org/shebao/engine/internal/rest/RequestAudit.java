package org.shebao.engine.internal.rest;

import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.account.Account;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.cluster.ClientAddresses;

/** The audit entry of an action done through a request: its actor, and the client address the request came from. */
@Component(service = RequestAudit.class)
public class RequestAudit {

    private final AuditLog audit;
    private final ClientAddresses addresses;

    @Activate
    public RequestAudit(@Reference AuditLog audit, @Reference ClientAddresses addresses) {
        this.audit = audit;
        this.addresses = addresses;
    }

    /** Records the caller's action on the target, in the target's district. */
    public void record(HttpServletRequest http, Account actor, String action, String target, String district,
            String detail) {
        audit.record(actor.login(), action, target, district, address(http), detail);
    }

    /** The client's address as the trusted proxies tell it. */
    public String address(HttpServletRequest http) {
        return addresses.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    }
}
