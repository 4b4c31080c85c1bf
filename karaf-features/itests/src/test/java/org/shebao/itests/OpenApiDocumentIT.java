package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Assume;
import org.junit.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The shipped distribution's {@code /api/openapi.json}, read as an integrator's tools read it: swagger-parser finds
 * a valid OpenAPI 3 document with every reference resolved, the plugins' paths in it, and problem answers on every
 * operation. ({@code ApiDescriptionIT} checks in the container that every resource method is described.)
 */
public class OpenApiDocumentIT {

    @Test
    public void theDescriptionIsAValidOpenApiDocument() throws Exception {
        Assume.assumeTrue("needs root and iproute2 for a network namespace", KarafProcess.supported());
        try (KarafProcess karaf = KarafProcess.fresh("openapi")) {
            karaf.start();
            karaf.awaitHealthy(180);
            KarafProcess.Answer answer = karaf.http("GET", "/api/openapi.json", null, null);
            assertEquals(answer.body(), 200, answer.status());

            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(answer.body(), null, options);
            assertEquals("swagger-parser's findings", List.of(), result.getMessages());
            OpenAPI api = result.getOpenAPI();
            assertTrue(api.getOpenapi(), api.getOpenapi().startsWith("3.0"));
            assertEquals("/api", api.getServers().get(0).getUrl());
            for (String path : List.of("/tasks/{id}/submit", "/session", "/admin/overview", "/plugins/problem-report/reports",
                    "/plugins/arrears-payment/slips/{voucherNo}", "/plugins/gap-payment/gaps")) {
                assertTrue(path + " in " + api.getPaths().keySet(), api.getPaths().containsKey(path));
            }
            List<Operation> operations = api.getPaths().values().stream().flatMap(p -> p.readOperations().stream()).toList();
            assertTrue(operations.size() > 55);
            for (Operation operation : operations) {
                assertTrue(operation.getOperationId(), operation.getResponses().get("4XX").getContent()
                        .get("application/problem+json").getSchema().get$ref().endsWith("/Problem"));
            }
            assertTrue(api.getComponents().getSchemas().get("Problem").getProperties().containsKey("type"));
            assertEquals("session", api.getSecurity().get(0).keySet().iterator().next());
        }
    }
}
