package org.shebao.engine.internal.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletResponse;

import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.rest.Problem;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A problem+json answer written by a servlet filter, before any JAX-RS resource: the same document the API gives. */
final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, Kind kind, String code, Locale locale, String detail)
            throws IOException {
        Problem problem = new Problem("urn:shebao:problem:" + code, Messages.text("problem.title." + kind.name()).in(locale),
                kind.status(), detail, List.of());
        response.setStatus(kind.status());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
