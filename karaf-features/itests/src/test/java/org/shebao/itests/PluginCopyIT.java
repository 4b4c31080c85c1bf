package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "A business is one folder": the build copied {@code plugins/arrears-writeoff} to {@code arrears-writeoff-copy}
 * (folder and artifactId renamed, one {@code <module>} line, nothing else) and built that reactor (see the pom). The
 * copy's id comes from its artifactId, the aggregate the distribution boots names it, and uploaded into the running
 * platform it serves its own business and endpoint beside the original, then goes again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginCopyIT extends ContainerTest {

    private static final String COPY = "arrears-writeoff-copy";
    private static final String ARTIFACT = "shebao-plugin-" + COPY;

    @Test
    public void aCopiedPluginFolderIsBootedAndServedAsABusinessOfItsOwn() throws Exception {
        Path reactor = Path.of(System.getProperty(ShebaoContainer.PLUGIN_COPY));
        // the aggregate boots it, and names its features repository
        Properties boot = new Properties();
        try (InputStream in = Files.newInputStream(reactor.resolve("target/features/shebao-plugins.properties"))) {
            boot.load(in);
        }
        assertTrue(boot.toString(), List.of(boot.getProperty("shebao.plugins.boot").split(",")).contains(ARTIFACT));
        String aggregate = Files.readString(reactor.resolve("target/features/shebao-plugins.xml"));
        assertTrue(aggregate, aggregate.contains("mvn:org.shebao/" + ARTIFACT + "/")
                && aggregate.contains("<feature>" + ARTIFACT + "</feature>"));
        String feature = Files.readString(reactor.resolve(COPY + "/target/feature/feature.xml"));
        assertTrue(feature, feature.contains("<feature name=\"" + ARTIFACT + "\"") && feature.contains("mvn:org.shebao/" + ARTIFACT + "/"));
        Path jar;
        try (var files = Files.list(reactor.resolve(COPY + "/target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches(ARTIFACT + "-.*\\.jar")).findFirst().orElseThrow();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(COPY, file.getManifest().getMainAttributes().getValue("Shebao-Plugin"));
        }

        Http admin = BusinessPluginsIT.demo(port, "admin");
        Http.Answer installed = admin.upload("/api/admin/plugins", jar.getFileName().toString(), "application/java-archive",
                Files.readAllBytes(jar));
        assertEquals(installed.body(), 201, installed.status());
        try {
            Http citizen = citizenWithRecord("420106");
            Waits.until("the copy in the menu", 30, () -> ids(citizen.get("/api/business-types").json()).contains(COPY));
            assertTrue(ids(new Http(port).get("/api/health").json().path("plugins")).contains(COPY));
            // its own name, form and endpoint, the original's beside it
            JsonNode type = find(citizen.get("/api/business-types").json(), COPY);
            assertEquals(find(citizen.get("/api/business-types").json(), "arrears-writeoff").path("name").asText(),
                    type.path("name").asText());
            assertEquals(200, citizen.get("/api/business-types/" + COPY + "/form").status());
            assertEquals(401, new Http(port).get("/api/plugins/" + COPY + "/arrears").status());
            Http.Answer arrears = citizen.get("/api/plugins/" + COPY + "/arrears");
            assertEquals(arrears.body(), 200, arrears.status());
            assertEquals(0, arrears.json().path("count").asInt());
            assertEquals(200, citizen.get("/api/plugins/arrears-writeoff/arrears").status());
            Http.Answer empty = citizen.post("/api/tasks", Map.of("businessType", COPY, "data", Map.of()));
            assertEquals(empty.body(), 400, empty.status());
        } finally {
            assertEquals(204, admin.delete("/api/admin/plugins/" + COPY).status());
        }
        Waits.until("the copy gone", 30, () -> new Http(port).get("/api/plugins/" + COPY + "/arrears").status() == 404);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (id.equals(n.path("id").asText())) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
