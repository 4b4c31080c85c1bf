package org.shebao.engine.internal.schema;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelog of an uploaded plugin jar, applied before the jar replaces anything: a failing migration refuses
 * the upload (its changeset rolled back, one transaction) and the running version stays in service. When the new
 * bundle then starts, {@link SchemaMigrations} finds nothing left to apply.
 */
@Component(service = UploadMigrations.class)
public class UploadMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(UploadMigrations.class);

    private final DataSource raw;

    @Activate
    public UploadMigrations(@Reference(target = "(osgi.jndi.service.name=shebao)") DataSource raw) {
        this.raw = raw;
    }

    /** Applies the jar's changelog, if its manifest names one; empty when done, else what the database said. */
    public Optional<String> migrate(String pluginId, byte[] jar) {
        try {
            Path file = Files.createTempFile("shebao-upload", ".jar");
            try {
                Files.write(file, jar);
                String changelog;
                try (JarFile j = new JarFile(file.toFile())) {
                    changelog = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue(SchemaMigrations.HEADER);
                }
                if (changelog == null || changelog.isBlank()) {
                    return Optional.empty();
                }
                // only the jar's own resources: the changelog and whatever it includes
                try (URLClassLoader loader = new URLClassLoader(new URL[] {file.toUri().toURL()}, null)) {
                    Changelogs.update(raw, loader, changelog.trim());
                }
                LOG.info("Schema {} migrated for the uploaded version", pluginId);
                return Optional.empty();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception e) {
            LOG.warn("The uploaded plugin {}'s migration failed", pluginId, e);
            return Optional.of(Changelogs.rootMessage(e));
        }
    }
}
