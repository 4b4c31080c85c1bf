package org.shebao.engine.internal.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The client's address for limits that count per address. Behind a load balancer every request comes from the
 * balancer, so its {@code X-Forwarded-For} is believed, but only from the proxies listed in {@code trustedProxies}
 * ({@code etc/org.shebao.security.cfg}); anyone else could write any address there. The client is the right-most
 * address in the header that is not itself a trusted proxy.
 */
@Component(service = ClientAddresses.class, configurationPid = ClientAddresses.PID)
@Designate(ocd = SecurityConfig.class)
public class ClientAddresses {

    public static final String PID = SecurityConfig.PID;

    private volatile Set<String> trusted;

    @Activate
    public ClientAddresses(SecurityConfig config) {
        modified(config);
    }

    @Modified
    void modified(SecurityConfig config) {
        trusted = Arrays.stream(config.trustedProxies().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the connection's peer is a load balancer whose forwarded headers are believed. */
    public boolean trusts(String peer) {
        return peer != null && trusted.contains(peer);
    }

    /** The client's address, given the connection's peer and the request's {@code X-Forwarded-For} (may be null). */
    public String of(String peer, String forwardedFor) {
        if (peer == null || !trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }
}
