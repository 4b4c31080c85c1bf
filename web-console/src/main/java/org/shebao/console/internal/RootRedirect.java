package org.shebao.console.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Nothing lives at {@code /} but a redirect to the console; any other unknown path is 404. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("shebao-root")
@HttpWhiteboardServletPattern("/")
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect(request.getContextPath() + "/console/");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
