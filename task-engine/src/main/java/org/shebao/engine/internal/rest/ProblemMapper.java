package org.shebao.engine.internal.rest;

import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where errors become {@code application/problem+json}, in the caller's language. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("shebao-problems")
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        Locale locale = Languages.of(headers);
        ShebaoException refusal = find(thrown);
        if (refusal != null) {
            return respond(refusal, locale);
        }
        if (optimisticLock(thrown)) {
            return respond(409, "stale-version", Messages.text("problem.http.409").in(locale), locale, null);
        }
        if (thrown instanceof javax.ws.rs.NotFoundException && thrown.getCause() instanceof IllegalArgumentException) {
            // a parameter that does not convert (page=abc): the request is malformed, not the resource missing
            return respond(400, "bad-parameter", Messages.text("problem.http.400").in(locale), locale, null);
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            String code = "http-" + status;
            return respond(status, code, Messages.text("problem.http." + status).in(locale), locale, null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, thrown);
        return respond(500, "internal-error", Messages.text("problem.internal", incident).in(locale), locale, null);
    }

    /** A concurrent change won the race: the caller's view is stale. */
    private static boolean optimisticLock(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof javax.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static ShebaoException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ShebaoException se) {
                return se;
            }
        }
        return null;
    }

    static Response respond(ShebaoException e, Locale locale) {
        var errors = e.errors().stream()
                .map(f -> new Problem.FieldProblem(f.field(), f.message().in(locale)))
                .toList();
        Response answer = respond(e.kind().status(), e.code(), e.detail().in(locale), locale, errors);
        if (e instanceof org.shebao.engine.internal.security.TooManyAttempts tooMany) {
            answer.getHeaders().putSingle("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        return answer;
    }

    private static Response respond(int status, String code, String detail, Locale locale,
            java.util.List<Problem.FieldProblem> errors) {
        String title = Messages.text("problem.title." + titleKey(status)).in(locale);
        Problem problem = new Problem("urn:shebao:problem:" + code, title, status, detail, errors);
        Response.ResponseBuilder answer = Response.status(status);
        if (status == Kind.TOO_MANY_REQUESTS.status()) {
            answer.header("Retry-After", "60");
        }
        return answer
                .type(JsonProvider.PROBLEM_JSON + ";charset=UTF-8")
                .language(locale)
                .entity(problem)
                .build();
    }

    private static String titleKey(int status) {
        for (Kind kind : Kind.values()) {
            if (kind.status() == status) {
                return kind.name();
            }
        }
        return status >= 500 ? "INTERNAL" : "BAD_INPUT";
    }
}
