package org.shebao.engine.internal.http;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.i18n.Text;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.account.SessionStore;
import org.shebao.engine.internal.cluster.ClientAddresses;
import org.slf4j.MDC;

/**
 * Every answer of the platform, console, API and plugin pages alike, carries the browser's protections: a
 * Content-Security-Policy without inline scripts or framing, nosniff, a same-origin Referrer-Policy, HSTS over
 * HTTPS; API answers are personal and never cached. A state-changing API request whose {@code Origin} (or, lacking
 * it, {@code Referer}) names another site is refused with 403 before it reaches any resource: the cross-site form
 * posts that SameSite cookies alone let through in older browsers. Requests without either header (the payment
 * channel, scripts) are not a browser's and pass. Request bodies are bounded before anything parses them
 * ({@link BodyLimit}). Every request has an id ({@link RequestIds}), answered and named in its log lines.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("shebao-hardening")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class Hardening implements Filter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI at {@code /api/docs} sets inline styles and draws data: images; its scripts are still our own. */
    static final String CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("img-src 'self'", "img-src 'self' data:");

    /** Request attribute: true when the browser reached the platform over HTTPS (its cookies are then Secure). */
    public static final String HTTPS = "org.shebao.https";

    private final ClientAddresses addresses;
    private final SessionStore sessions;
    private final HttpPolicy policy;

    @Activate
    public Hardening(@Reference ClientAddresses addresses, @Reference SessionStore sessions, @Reference HttpPolicy policy) {
        this.addresses = addresses;
        this.sessions = sessions;
        this.policy = policy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String id = RequestIds.of(((HttpServletRequest) req).getHeader(RequestIds.HEADER));
        ((HttpServletResponse) res).setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            guard((HttpServletRequest) req, (HttpServletResponse) res, chain);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ServletRequest req = request;
        ServletResponse res = response;
        boolean https = https(request);
        request.setAttribute(HTTPS, https);
        response.setHeader("Content-Security-Policy",
                request.getRequestURI().startsWith("/api/docs") ? CSP_DOCS : CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!request.getRequestURI().startsWith("/api/")) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (!changesState(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        Locale locale = request.getHeader("Accept-Language") == null ? Text.DEFAULT_LOCALE
                : Text.preferred(Collections.list(request.getLocales()));
        if (!policy.origins().allowed(request.getHeader("Origin"), request.getHeader("Referer"), own(request, https))) {
            ProblemWriter.write(response, Kind.FORBIDDEN, "origin-not-allowed", locale,
                    Messages.text("http.originNotAllowed").in(locale));
            return;
        }
        int limit = BodyLimit.of(request, policy.limits());
        Optional<HttpServletRequest> within = BodyLimit.within(request, limit);
        if (within.isEmpty()) {
            if (!BodyLimit.drain(request)) {
                response.setHeader("Connection", "close");
            }
            ProblemWriter.write(response, Kind.TOO_LARGE, "body-too-large", locale,
                    Messages.text("http.bodyTooLarge", limit / 1024).in(locale));
            return;
        }
        chain.doFilter(within.get(), res);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // configured by Declarative Services
    }

    @Override
    public void destroy() {
        // nothing held
    }

    private static boolean changesState(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** HTTPS on this connection, or at the trusted load balancer that terminated it, or always by configuration. */
    private boolean https(HttpServletRequest request) {
        return sessions.alwaysSecure() || request.isSecure() || addresses.trusts(request.getRemoteAddr())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** The platform's own origin as the browser saw it: its scheme and the Host it asked for. */
    private static String own(HttpServletRequest request, boolean https) {
        String host = request.getHeader("Host");
        return host == null ? null : (https ? "https://" : "http://") + host.toLowerCase(Locale.ROOT);
    }
}
