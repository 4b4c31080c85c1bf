package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.shebao.api.spi.Endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/openapi.json} holds every resource method the container serves: each root resource class of the
 * engine bundle and each plugin's endpoint with its sub-resources, found here by reflection (not by the code that
 * writes the document); a plugin's paths leave it when the plugin stops and come back when it starts. The
 * {@code /api/docs} page is served from the bundle under its own Content-Security-Policy, without inline script.
 * ({@code OpenApiDocumentIT} reads the shipped distribution's document with swagger-parser.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ApiDescriptionIT extends ContainerTest {

    /** Resources not described, with their reasons: the page itself, and the locator the plugins' paths replace. */
    private static final List<String> NOT_DESCRIBED = List.of("ApiDocsResource", "PluginEndpointResource");

    @Inject
    BundleContext context;

    @Test
    public void everyResourceMethodOfTheEngineAndThePluginsIsDescribed() throws Exception {
        JsonNode document = document();
        assertTrue(document.path("openapi").asText().startsWith("3."));
        Map<String, TreeSet<String>> expected = new TreeMap<>();
        for (Class<?> resource : engineResources()) {
            if (!NOT_DESCRIBED.contains(resource.getSimpleName())) {
                collect(resource, "/" + resource.getAnnotation(Path.class).value(), expected);
            }
        }
        int engineOperations = count(expected);
        assertTrue("the engine's resources were found: " + expected.keySet(), engineOperations > 40);
        for (ServiceReference<Endpoint> ref : context.getServiceReferences(Endpoint.class, null)) {
            String plugin = ref.getBundle().getHeaders("").get("Shebao-Plugin");
            Endpoint endpoint = context.getService(ref);
            try {
                collect(endpoint.getClass(), "/plugins/" + plugin, expected);
            } finally {
                context.ungetService(ref);
            }
        }
        assertTrue("a plugin's sub-resource (slips) is expected", expected.containsKey("/plugins/arrears-payment/slips/{voucherNo}"));
        List<String> missing = new ArrayList<>();
        expected.forEach((path, verbs) -> verbs.forEach(verb -> {
            if (document.path("paths").path(path).path(verb).isMissingNode()) {
                missing.add(verb.toUpperCase() + " " + path);
            }
        }));
        assertEquals("described: " + document.path("paths").fieldNames(), List.of(), missing);
        assertEquals("nothing more than what is served", count(expected), operations(document));
        assertTrue(document.path("paths").path("/docs").isMissingNode());

        JsonNode submit = document.path("paths").path("/tasks/{id}/submit").path("post");
        assertEquals("#/components/schemas/Problem", submit.path("responses").path("4XX").path("content")
                .path("application/problem+json").path("schema").path("$ref").asText());
        assertTrue(submit.path("requestBody").toString().contains("TaskResource.TaskRequest"));
        JsonNode schemas = document.path("components").path("schemas");
        assertTrue("two records named alike stay two schemas: " + schemas.fieldNames(),
                schemas.has("Overview.Report") && schemas.has("Reconciliations.Report"));
    }

    @Test
    public void aPluginsPathsLeaveTheDescriptionWhenItStopsAndComeBackWhenItStarts() throws Exception {
        Bundle gaps = pluginBundle("gap-payment");
        assertTrue(document().path("paths").has("/plugins/gap-payment/gaps"));
        gaps.stop();
        try {
            Waits.until("the gap plugin's paths gone", 20, () -> !document().path("paths").has("/plugins/gap-payment/gaps"));
            assertTrue("the others stay", document().path("paths").has("/plugins/problem-report/reports"));
        } finally {
            gaps.start();
        }
        Waits.until("the gap plugin's paths back", 20, () -> document().path("paths").has("/plugins/gap-payment/gaps"));
    }

    @Test
    public void theDocsPageIsServedWithoutInlineScript() {
        Http anyone = new Http(port);
        // the JAX-RS whiteboard rebuilds the application while resources arrive at start-up
        Waits.until("the docs page mounted", 30, () -> anyone.get("/api/docs").status() == 200);
        Http.Answer page = anyone.get("/api/docs");
        assertEquals(200, page.status());
        assertTrue(page.contentType(), page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"/api/docs/swagger-initializer.js\"></script>"));
        assertFalse("every script has a source", page.body().contains("<script>"));
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertTrue(csp, csp.contains("script-src 'self';") && csp.contains("style-src 'self' 'unsafe-inline'"));
        assertFalse("other pages keep the strict policy",
                anyone.get("/api/health").header("Content-Security-Policy").orElseThrow().contains("unsafe-inline"));
        Http.Answer bundle = anyone.get("/api/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().length() > 100_000);
        assertEquals(404, anyone.get("/api/docs/pom.xml").status());
        assertEquals(404, anyone.get("/api/docs/..%2FMETA-INF%2FMANIFEST.MF").status());
    }

    private JsonNode document() {
        Http.Answer answer = new Http(port).get("/api/openapi.json");
        assertEquals(answer.body(), 200, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/json"));
        return answer.json();
    }

    private List<Class<?>> engineResources() throws ClassNotFoundException {
        Bundle engine = null;
        for (Bundle b : context.getBundles()) {
            if ("org.shebao.shebao-task-engine".equals(b.getSymbolicName())) {
                engine = b;
            }
        }
        List<Class<?>> resources = new ArrayList<>();
        for (URL entry : Collections.list(engine.findEntries("org/shebao/engine", "*.class", true))) {
            String name = entry.getPath().substring(1).replace(".class", "").replace('/', '.');
            Class<?> type = engine.loadClass(name);
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
        }
        return resources;
    }

    /** Each HTTP method of the class by its path, following sub-resource locators. */
    private static void collect(Class<?> type, String prefix, Map<String, TreeSet<String>> out) {
        for (Method method : type.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            String full = normalize(prefix + "/" + (path == null ? "" : path.value()));
            String verb = verb(method);
            if (verb != null) {
                out.computeIfAbsent(full, k -> new TreeSet<>()).add(verb);
            } else if (path != null) {
                collect(method.getReturnType(), full, out);
            }
        }
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toLowerCase();
            }
        }
        return null;
    }

    private static String normalize(String path) {
        // a template's regular expression may hold braces of its own: {voucherNo: \\d{20}}
        String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:(?:[^{}]|\\{[^{}]*})*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static int count(Map<String, TreeSet<String>> operations) {
        return operations.values().stream().mapToInt(TreeSet::size).sum();
    }

    private static int operations(JsonNode document) {
        int n = 0;
        for (JsonNode item : document.path("paths")) {
            n += item.size();
        }
        return n;
    }

    private Bundle pluginBundle(String plugin) {
        for (Bundle b : context.getBundles()) {
            if (plugin.equals(b.getHeaders("").get("Shebao-Plugin"))) {
                return b;
            }
        }
        throw new AssertionError("no plugin " + plugin);
    }
}
