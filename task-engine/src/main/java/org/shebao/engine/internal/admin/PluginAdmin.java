package org.shebao.engine.internal.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.admin.PluginInfos.PluginInfo;
import org.shebao.engine.internal.cluster.PluginUploads;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business plugins as administrators handle them while the platform runs. A plugin is a bundle with the
 * manifest header {@code Shebao-Plugin: <id>}. An uploaded plugin goes into {@code deploy/<id>.jar}, so that it
 * survives restarts; shipped plugins come with their feature {@code shebao-plugin-<id>}. An upload is checked
 * before anything changes ({@link PluginUpload}: a bundle, a plugin header, the platform API's major version, no
 * other plugin of that id) and after (it resolves, starts and registers a business or menu entries); if the second
 * check fails it is taken out again. Removing a plugin never touches its tasks: they wait for it.
 */
@Component(service = PluginAdmin.class)
public class PluginAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(PluginAdmin.class);

    private final BundleContext context;
    private final BusinessTypeRegistry types;
    private final PluginInfos infos;
    private final PluginDeployer deployer;
    private final PluginUploads uploads;
    private final PluginSignatures signatures;
    private final Path deploy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FeaturesService features;

    @Activate
    public PluginAdmin(BundleContext context, @Reference BusinessTypeRegistry types, @Reference PluginInfos infos,
            @Reference PluginDeployer deployer, @Reference PluginUploads uploads, @Reference PluginSignatures signatures) {
        this.uploads = uploads;
        this.signatures = signatures;
        this.context = context;
        this.types = types;
        this.infos = infos;
        this.deployer = deployer;
        this.deploy = deployer.folder();
    }

    /** Installs a new plugin from an uploaded bundle jar (or a kar holding one). */
    public synchronized PluginInfo install(byte[] file, String actor) {
        PluginUpload upload = checked(file);
        if (infos.bundle(upload.pluginId()).isPresent()) {
            throw PluginUpload.refusal(Kind.CONFLICT, "plugin-exists", "admin.plugin.exists", upload.pluginId());
        }
        if (types.find(upload.pluginId()).isPresent()) {
            throw PluginUpload.refusal(Kind.CONFLICT, "plugin-duplicate-id", "admin.plugin.duplicateId", upload.pluginId());
        }
        if (Arrays.stream(context.getBundles()).anyMatch(b -> upload.symbolicName().equals(b.getSymbolicName())
                && PluginInfos.installed(b))) {
            throw PluginUpload.refusal(Kind.CONFLICT, "plugin-duplicate-bundle", "admin.plugin.duplicateBundle",
                    upload.symbolicName());
        }
        return recorded(deployer.deploy(upload, null), upload, actor);
    }

    /** The upload runs here: recorded in the database, from where every other node takes it. */
    private PluginInfo recorded(PluginInfo info, PluginUpload upload, String actor) {
        uploads.uploaded(upload.pluginId(), upload.symbolicName(), upload.version().toString(), upload.jar(), actor);
        return info;
    }

    /** Replaces a plugin by a new version of it (same plugin id); refused uploads leave the old one in place. */
    public synchronized PluginInfo upgrade(String id, byte[] file, String actor) {
        PluginUpload upload = checked(file);
        if (!upload.pluginId().equals(id)) {
            throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-other-id", "admin.plugin.otherId", upload.pluginId(), id);
        }
        Bundle current = infos.bundle(id).orElseThrow(() -> PluginUpload.refusal(Kind.NOT_FOUND, "plugin-missing",
                "admin.plugin.missing", id));
        if (!current.getSymbolicName().equals(upload.symbolicName())) {
            throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-other-bundle", "admin.plugin.otherBundle",
                    upload.symbolicName(), current.getSymbolicName());
        }
        boolean fromFeature = !PluginInfos.source(current).equals("upload");
        if (fromFeature) {
            uninstallFeature(feature(id), current);
        }
        try {
            return recorded(deployer.deploy(upload, current.getVersion()), upload, actor);
        } catch (RuntimeException e) {
            if (fromFeature) {
                installFeature(feature(id));
            }
            throw e;
        }
    }

    /** Takes a plugin out; its tasks stay and wait for it. */
    public synchronized void remove(String id, String actor) {
        Bundle b = infos.bundle(id).orElseThrow(() -> PluginUpload.refusal(Kind.NOT_FOUND, "plugin-missing",
                "admin.plugin.missing", id));
        takeOut(id, b);
        uploads.removed(id, b.getSymbolicName(), b.getVersion().toString(), actor);
    }

    /** Takes the plugin's bundle out of this node (its deploy/ jar or its feature). */
    void takeOut(String id, Bundle b) {
        if (PluginInfos.source(b).equals("upload")) {
            try {
                Files.deleteIfExists(deploy.resolve(id + ".jar"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            deployer.awaitGone(b);
        } else {
            uninstallFeature(feature(id), b);
        }
        LOG.info("Plugin {} removed; its {} open tasks wait for it", id, infos.openTasks(id));
    }

    /** A shipped plugin's feature: the plugin's artifactId, {@code shebao-plugin-<id>}. */
    static String feature(String id) {
        return "shebao-plugin-" + id;
    }

    /** The upload, refused unless it is a plugin built against this platform's API. */
    private PluginUpload checked(byte[] file) {
        PluginUpload upload = PluginUpload.read(file, signatures::require);
        upload.requireApi(PlatformApi.spiMajor(context));
        return upload;
    }

    void uninstallFeature(String feature, Bundle b) {
        FeaturesService fs = features;
        try {
            if (fs != null && fs.isInstalled(fs.getFeature(feature))) {
                fs.uninstallFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } else {
                b.uninstall();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not remove " + feature + ": " + e.getMessage(), e);
        }
        deployer.awaitGone(b);
    }

    private void installFeature(String feature) {
        try {
            features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            LOG.error("Could not reinstall {} after a refused upgrade", feature, e);
        }
    }
}
