package org.shebao.engine.internal.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request: the caller's {@code X-Request-Id} when it is a sensible token (a load balancer's or a
 * partner's, so that one id follows the request through every system), a new one otherwise. It is answered in the
 * {@code X-Request-Id} header and named by every log line of the request (the logging context's {@code requestId}).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Logging context (MDC) key. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The id given, if well formed; a new random one otherwise. */
    public static String of(String given) {
        return given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
