package org.shebao.engine.internal.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.shebao.api.ShebaoException;
import org.shebao.engine.internal.rest.AuthFilter;
import org.shebao.engine.internal.rest.Problem;

/**
 * Builds the document with swagger-core's JAX-RS reader (no class path scanning: it reads the classes it is given),
 * each plugin's endpoint read as the sub-resource it is at {@code /plugins/<id>}. Every operation also answers
 * problems: {@code 4XX} and {@code 5XX} in {@code application/problem+json}, typed {@code urn:shebao:problem:<code>}.
 */
final class ApiDocument {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SESSION = "session";

    private ApiDocument() {
    }

    static String json(Set<Class<?>> resources, Map<String, Class<?>> endpoints, String version) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Reader.class.getClassLoader());
        try {
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(base(version)));
            reader.read(resources);
            endpoints.forEach((id, endpoint) -> reader.read(endpoint, "/plugins/" + id, null, true, null, null,
                    new LinkedHashSet<>(), new ArrayList<>(), new HashSet<>()));
            OpenAPI api = reader.getOpenAPI();
            addProblems(api);
            return Json.pretty(api);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static OpenAPI base(String version) {
        Components components = new Components().addSecuritySchemes(SESSION, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(AuthFilter.COOKIE)
                .description("The session cookie that POST /api/session sets; paths for a role need it"));
        return new OpenAPI()
                .info(new Info().title("Shebao online service hall").version(version).description(
                        "Every /api path of the platform and of the plugins installed now. Answers are JSON; "
                                + "refusals are RFC 9457 problem documents whose type is `urn:shebao:problem:{code}` "
                                + "and whose detail is in the caller's Accept-Language (zh-CN by default, en)."))
                .servers(List.of(new Server().url("/api")))
                .components(components)
                // the session where a path needs a login; the empty requirement: public paths need none
                .security(List.of(new SecurityRequirement().addList(SESSION), new SecurityRequirement()));
    }

    @SuppressWarnings("rawtypes")
    private static void addProblems(OpenAPI api) {
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(Problem.class);
        schemas.forEach(api.getComponents()::addSchemas);
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + Problem.class.getSimpleName());
        Content content = new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref));
        ApiResponse client = new ApiResponse().content(content).description("Refused: " + statuses(400, 499));
        ApiResponse server = new ApiResponse().content(content)
                .description("Failed: 500 internal error, " + statuses(500, 599));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            addIfAbsent(operation, "4XX", client);
            addIfAbsent(operation, "5XX", server);
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.addTagsItem(tag(path));
            }
        }));
    }

    /** The group a path is listed in: its first segment, or {@code plugins/<id>} for a plugin's. */
    static String tag(String path) {
        String[] segments = path.replaceFirst("^/", "").split("/");
        return segments[0].equals("plugins") && segments.length > 1 ? "plugins/" + segments[1] : segments[0];
    }

    private static void addIfAbsent(Operation operation, String code, ApiResponse response) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(code)) {
            operation.getResponses().addApiResponse(code, response);
        }
    }

    private static String statuses(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (ShebaoException.Kind kind : ShebaoException.Kind.values()) {
            if (kind.status() >= from && kind.status() <= to) {
                text.append(text.length() == 0 ? "" : ", ").append(kind.status()).append(' ')
                        .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        return text.length() == 0 ? "an unexpected error" : text.toString();
    }
}
