package org.shebao.engine.internal.http;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The origins a state-changing request may come from: the platform's own and those configured. */
final class Origins {

    private final Set<String> allowed;

    Origins(String configured) {
        allowed = Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Origins::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** True when neither header is present (not a browser) or the one present names an allowed origin. */
    boolean allowed(String origin, String referer, String own) {
        String claimed = origin != null ? origin : referer;
        if (claimed == null) {
            return true;
        }
        String normal = normalise(claimed);
        return normal != null && (normal.equals(own == null ? null : normalise(own)) || allowed.contains(normal));
    }

    /** {@code scheme://host[:port]} in lower case, default ports left out; null for "null" or a malformed value. */
    static String normalise(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
