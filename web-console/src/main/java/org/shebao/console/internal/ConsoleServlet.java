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

/** Serves the console's static files from this bundle under {@code /console/}; {@code /console} redirects. */
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
}
