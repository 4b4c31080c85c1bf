package org.shebao.engine.internal.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.admin.PluginInfos.PluginInfo;
import org.shebao.engine.internal.schema.UploadMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded plugins in {@code deploy/<id>.jar} (Karaf's deployer installs and starts them, and keeps them across
 * restarts): written, then watched until the bundle is active and registers a business or menu entries; taken out
 * again otherwise.
 */
@Component(service = PluginDeployer.class)
public class PluginDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDeployer.class);
    private static final long SETTLE_MILLIS = 20_000;

    private final BundleContext context;
    private final PluginInfos infos;
    private final UploadMigrations migrations;
    private final Path deploy = Path.of(System.getProperty("karaf.base", "."), "deploy");

    @Activate
    public PluginDeployer(BundleContext context, @Reference PluginInfos infos, @Reference UploadMigrations migrations) {
        this.context = context;
        this.infos = infos;
        this.migrations = migrations;
    }

    Path folder() {
        return deploy;
    }

    /**
     * Migrates the plugin's tables (refused, the running version untouched, if its changelog fails), then writes
     * deploy/<id>.jar, waits for the bundle to start and register a business; undoes it otherwise.
     */
    PluginInfo deploy(PluginUpload upload, Version replacing) {
        migrations.migrate(upload.pluginId(), upload.jar()).ifPresent(why -> {
            throw PluginUpload.refusal(Kind.CONFLICT, "plugin-migration-failed", "admin.plugin.migrationFailed",
                    upload.pluginId(), why);
        });
        Path target = deploy.resolve(upload.pluginId() + ".jar");
        try {
            Files.createDirectories(deploy);
            Path temp = Files.createTempFile(deploy.getParent(), "upload", ".tmp");
            Files.write(temp, upload.jar());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + target + ": " + e.getMessage(), e);
        }
        long until = System.currentTimeMillis() + SETTLE_MILLIS;
        String problem = null;
        while (System.currentTimeMillis() < until) {
            Optional<Bundle> b = installed(upload);
            if (b.isPresent() && b.get().getState() == Bundle.ACTIVE && infos.registered(upload.pluginId())) {
                LOG.info("Plugin {} {} installed{}", upload.pluginId(), upload.version(), replacing == null ? "" : " (was " + replacing + ")");
                return infos.info(b.get(), upload.pluginId());
            }
            if (b.isPresent() && b.get().getState() == Bundle.INSTALLED && System.currentTimeMillis() > until - SETTLE_MILLIS / 2) {
                try {
                    b.get().start();
                } catch (BundleException e) {
                    problem = e.getMessage();
                    break;
                }
            }
            sleep();
        }
        Optional<Bundle> left = installed(upload);
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            LOG.warn("Could not delete the refused upload {}", target, e);
        }
        left.ifPresent(this::awaitGone);
        if (problem != null) {
            throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-unresolvable", "admin.plugin.unresolvable", problem);
        }
        throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-no-business", "admin.plugin.noBusiness", upload.pluginId());
    }

    private Optional<Bundle> installed(PluginUpload upload) {
        return java.util.Arrays.stream(context.getBundles()).filter(b -> upload.symbolicName().equals(b.getSymbolicName())
                && upload.version().equals(b.getVersion()) && b.getState() != Bundle.UNINSTALLED).findFirst();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitGone(Bundle b) {
        long until = System.currentTimeMillis() + SETTLE_MILLIS;
        while (b.getState() != Bundle.UNINSTALLED && System.currentTimeMillis() < until) {
            sleep();
        }
    }
}
