package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * With {@code allowUnsigned = false} an uploaded plugin is installed only when it (and every jar of a kar) is signed,
 * unchanged, by a trusted certificate. The build signs the shipped plugins with its test key; the test takes the
 * pilot plugin as built, then spoils it each way an attacker would, and finds every refusal audited and nothing
 * installed. An archive that would expand past the limit is refused before it unfolds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginSignaturesIT extends ContainerTest {

    private static final String PILOT = AdminIT.PILOT;

    @Inject
    @Filter("(osgi.jndi.service.name=shebao)")
    DataSource database;

    @Test
    public void onlyPluginsSignedByATrustedCertificateAreInstalled() throws Exception {
        Http admin = BusinessPluginsIT.demo(port, "admin");
        if (plugin(admin) != null) {
            assertEquals(204, admin.delete("/api/admin/plugins/" + PILOT).status());
        }
        byte[] signed = Files.readAllBytes(Path.of(System.getProperty(ShebaoContainer.PILOT_PLUGIN)));
        Configuration config = configurations.getConfiguration("org.shebao.plugins", null);
        Dictionary<String, Object> shipped = config.getProperties();
        int refusedBefore = audit("PLUGIN_REFUSED");
        try {
            // first only another key is trusted; a probe that no setting installs (built against an old API) tells
            // when the setting holds: refused as unsigned rather than for its API
            Path other = Files.createTempFile("other", ".pem");
            try (InputStream in = getClass().getResourceAsStream("/signing/other.pem")) {
                Files.write(other, in.readAllBytes());
            }
            set(config, other.toString(), false);
            byte[] probe = (Jars.withManifest(signed, a -> a.putValue("Import-Package", a.getValue("Import-Package")
                    .replaceAll("org\\.shebao\\.api\\.spi;version=\"\\[2[^)]*\\)\"", "org.shebao.api.spi;version=\"[1.1,2)\""))));
            Waits.until("unsigned uploads refused", 20, () -> upload(admin, probe).json().path("type").asText().endsWith("plugin-unsigned"));
            assertRefused(upload(admin, signed), "plugin-untrusted", "不受信任");

            assertRefused(upload(admin, Jars.unsigned(signed)), "plugin-unsigned", "未签名");
            assertRefused(upload(admin, Jars.tampered(signed, a -> a.putValue("Import-Package",
                    a.getValue("Import-Package") + ",org.example.evil"), Map.of())), "plugin-signature-invalid", "签名无效");
            assertRefused(upload(admin, Jars.tampered(signed, a -> { }, Map.of("OSGI-INF/extra.xml", "<x/>"))),
                    "plugin-signature-invalid", "签名无效");
            Map<String, byte[]> kar = new LinkedHashMap<>();
            kar.put("org/example/helper.jar", Jars.unsigned(signed)); // a helper jar beside the plugin, unsigned
            kar.put("org/shebao/pilot.jar", signed);
            assertRefused(upload(admin, Jars.kar(kar)), "plugin-unsigned", "未签名");
            assertRefused(upload(admin, bomb()), "plugin-too-large", "MB");
            assertEquals("nothing installed by any refusal", null, plugin(admin));
            assertTrue(audit("PLUGIN_REFUSED") >= refusedBefore + 6);

            // the build's test key trusted: the pilot as built is installed (once the setting holds)
            set(config, "shebao-test-plugins.pem", false);
            Waits.until("the signed pilot installed", 20, () -> upload(admin, signed).status() == 201);
            assertEquals(PILOT, plugin(admin).path("id").asText());
            assertTrue(audit("PLUGIN_INSTALLED", PILOT) >= 1);
            assertEquals(204, admin.delete("/api/admin/plugins/" + PILOT).status());
            assertTrue(audit("PLUGIN_REMOVED", PILOT) >= 1);
        } finally {
            config.update(shipped == null ? new Hashtable<>() : shipped);
        }
    }

    private static Http.Answer upload(Http admin, byte[] file) {
        return admin.upload("/api/admin/plugins", "plugin.jar", "application/java-archive", file);
    }

    private void assertRefused(Http.Answer answer, String code, String words) {
        assertEquals(answer.body(), 400 + (code.equals("plugin-too-large") ? 13 : 0), answer.status());
        assertTrue(answer.body(), answer.json().path("type").asText().endsWith(code));
        assertTrue(answer.body(), answer.json().path("detail").asText().contains(words));
    }

    /** A kar of 200 KB that would unfold into 200 MB of zeros. */
    private static byte[] bomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("repository/org/example/zeros.jar"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static JsonNode plugin(Http admin) {
        for (JsonNode p : admin.get("/api/admin/plugins").json()) {
            if (p.path("id").asText().equals(PILOT)) {
                return p;
            }
        }
        return null;
    }

    private static void set(Configuration config, String trusted, boolean allowUnsigned) throws Exception {
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put("trustedCertificates", trusted);
        props.put("allowUnsigned", String.valueOf(allowUnsigned));
        config.update(props);
    }

    private int audit(String action) {
        return Sql.count(database, "SELECT COUNT(*) FROM SB_AUDIT WHERE ACTION = ?", action);
    }

    private int audit(String action, String target) {
        return Sql.count(database, "SELECT COUNT(*) FROM SB_AUDIT WHERE ACTION = ? AND TARGET = ?", action, target);
    }
}
