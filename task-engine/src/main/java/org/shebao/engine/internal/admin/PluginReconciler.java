package org.shebao.engine.internal.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.PluginUploads;
import org.shebao.engine.internal.cluster.PluginUploads.Desired;
import org.shebao.engine.internal.schema.UploadMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node's plugins to what the database says administrators uploaded or removed through any node, every
 * {@link #SECONDS} seconds: an uploaded jar this node does not run yet is written to its {@code deploy/} (replacing
 * the shipped feature of that plugin, if any); a removed plugin is taken out. Holds the same lock as uploads through
 * this node ({@link PluginAdmin}), so that it never undoes one in progress.
 */
@Component(immediate = true)
public class PluginReconciler {

    static final int SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(PluginReconciler.class);

    private final PluginAdmin admin;
    private final PluginInfos infos;
    private final PluginUploads uploads;
    private final UploadMigrations migrations;
    private final Path deploy;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-plugin-reconciler");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PluginReconciler(@Reference PluginAdmin admin, @Reference PluginInfos infos, @Reference PluginUploads uploads,
            @Reference UploadMigrations migrations, @Reference PluginDeployer deployer) {
        this.admin = admin;
        this.infos = infos;
        this.uploads = uploads;
        this.migrations = migrations;
        this.deploy = deployer.folder();
        timer.scheduleWithFixedDelay(this::reconcileAll, SECONDS, SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void reconcileAll() {
        try {
            uploads.all().forEach(d -> reconcile(d.pluginId()));
        } catch (RuntimeException e) {
            LOG.warn("Plugins not reconciled with the database: {}", e.toString());
        }
    }

    /** One plugin, read again under the lock. */
    void reconcile(String id) {
        synchronized (admin) {
            Optional<Desired> desired = uploads.find(id);
            if (desired.isEmpty()) {
                return;
            }
            Optional<Bundle> running = infos.bundle(id);
            Path jar = deploy.resolve(id + ".jar");
            try {
                if (desired.get().removed()) {
                    if (running.isPresent()) {
                        admin.takeOut(id, running.get());
                        LOG.info("Plugin {} removed through another node: taken out here", id);
                    }
                    return;
                }
                if (Files.exists(jar) && PluginUploads.sha256(Files.readAllBytes(jar)).equals(desired.get().sha256())) {
                    return;
                }
                byte[] bytes = uploads.jar(id);
                migrations.migrate(id, bytes).ifPresent(why -> {
                    throw new IllegalStateException("migration failed: " + why);
                });
                if (running.isPresent() && !PluginInfos.source(running.get()).equals("upload")) {
                    admin.uninstallFeature(PluginAdmin.feature(id), running.get());
                }
                Files.createDirectories(deploy);
                Path temp = Files.createTempFile(deploy.getParent(), "reconcile", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Plugin {} {} uploaded through another node: deployed here", id, desired.get().version());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Plugin {} not reconciled: {}", id, e.toString());
            }
        }
    }
}
