package org.shebao.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the console's static files from this bundle under {@code /console/} ({@code /console} redirects; a
 * certificate's check {@code /console/verify/{code}} is the page {@code verify.html}), and its
 * texts as JSON from its resource bundles: {@code /console/i18n/zh-CN.json} (the default) and {@code en.json}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("shebao-console")
@HttpWhiteboardServletPattern({"/console", "/console/*"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8", "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8", "json", "application/json;charset=UTF-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        } else if (path.matches("/verify/[A-Za-z0-9]{1,64}")) {
            // a certificate's check, opened by anyone without logging in: the page asks /api/certificates/{code}
            path = "/verify.html";
        }
        if (path.startsWith("/i18n/") && path.endsWith(".json")) {
            messages(path.substring("/i18n/".length(), path.length() - ".json".length()), response);
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        URL resource = path.contains("..") ? null : getClass().getResource("/console" + path);
        if (resource == null || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(extension));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    static final String BUNDLE = "org.shebao.console.internal.messages";

    private void messages(String language, HttpServletResponse response) throws IOException {
        java.util.Locale locale = "en".equals(language) ? java.util.Locale.ENGLISH
                : "zh-CN".equals(language) ? java.util.Locale.SIMPLIFIED_CHINESE : null;
        if (locale == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle(BUNDLE, locale, getClass().getClassLoader(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        StringBuilder json = new StringBuilder("{");
        for (String key : new java.util.TreeSet<>(bundle.keySet())) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(key)).append(':').append(quote(bundle.getString(key)));
        }
        json.append('}');
        response.setContentType(TYPES.get("json"));
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
