package org.shebao.engine.internal.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.MenuEntry;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.BusinessTypeRegistry;
import org.shebao.engine.internal.DistrictEnablement;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business plugins as administrators handle them while the platform runs. A plugin is a bundle with the
 * manifest header {@code Shebao-Plugin: <id>}. An uploaded plugin goes into {@code deploy/<id>.jar}, so that it
 * survives restarts; shipped plugins come with their feature {@code shebao-plugin-<id>}. An upload is checked
 * before anything changes (a bundle, a plugin header, no other plugin of that id) and after (it resolves, starts
 * and registers a business); if the second check fails it is taken out again. Removing a plugin never touches its
 * tasks: they wait for it.
 */
@Component(service = PluginAdmin.class)
public class PluginAdmin {

    public static final String HEADER = "Shebao-Plugin";
    private static final Logger LOG = LoggerFactory.getLogger(PluginAdmin.class);
    private static final long SETTLE_MILLIS = 20_000;

    /** A plugin as the administration lists it. */
    public record PluginInfo(String id, String version, String bundleState, String symbolicName, long bundleId,
            Set<String> districts, Set<String> disabledIn, long openTasks, String source) {
    }

    /** A bundle as uploaded: its manifest headers and its bytes. */
    record Upload(String symbolicName, Version version, String pluginId, byte[] jar) {
    }

    private final BundleContext context;
    private final BusinessTypeRegistry types;
    private final DistrictEnablement enablement;
    private final JpaTemplate jpa;
    private final Path deploy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FeaturesService features;

    @Activate
    public PluginAdmin(BundleContext context, @Reference BusinessTypeRegistry types, @Reference DistrictEnablement enablement,
            @Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa) {
        this.context = context;
        this.types = types;
        this.enablement = enablement;
        this.jpa = jpa;
        this.deploy = Path.of(System.getProperty("karaf.base", "."), "deploy");
    }

    public List<PluginInfo> list() {
        List<PluginInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String id = b.getHeaders().get(HEADER);
            if (id != null && b.getState() != Bundle.UNINSTALLED) {
                out.add(info(b, id));
            }
        }
        out.sort(java.util.Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::bundleId));
        return out;
    }

    public Optional<PluginInfo> find(String id) {
        return bundle(id).map(b -> info(b, id));
    }

    private Optional<Bundle> bundle(String id) {
        return java.util.Arrays.stream(context.getBundles())
                .filter(b -> id.equals(b.getHeaders().get(HEADER)) && b.getState() != Bundle.UNINSTALLED).findFirst();
    }

    private PluginInfo info(Bundle b, String id) {
        Set<String> districts = declaredDistricts(b);
        return new PluginInfo(id, b.getVersion().toString(), state(b), b.getSymbolicName(), b.getBundleId(),
                new java.util.TreeSet<>(districts), enablement.disabledIn(id), openTasks(id), source(b));
    }

    /** The districts the bundle's business declares (empty: all, or no business registered right now). */
    private Set<String> declaredDistricts(Bundle b) {
        ServiceReference<?>[] registered = b.getRegisteredServices();
        for (ServiceReference<?> ref : registered == null ? new ServiceReference<?>[0] : registered) {
            if (java.util.Arrays.asList((String[]) ref.getProperty("objectClass")).contains(BusinessType.class.getName())) {
                Object service = context.getService(ref);
                try {
                    if (service instanceof BusinessType type) {
                        return type.districts();
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return Set.of();
    }

    private String source(Bundle b) {
        return b.getLocation().contains("/deploy/") ? "upload" : "feature";
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /** Tasks of the business not yet final (draft, submitted, returned). */
    public long openTasks(String id) {
        return Transactions.inTransaction(jpa, em -> em.createQuery("SELECT COUNT(t) FROM TaskEntity t WHERE t.businessType = :b"
                + " AND t.state IN :open", Long.class).setParameter("b", id)
                .setParameter("open", List.of(TaskState.DRAFT, TaskState.SUBMITTED, TaskState.RETURNED)).getSingleResult());
    }

    /** Installs a new plugin from an uploaded bundle jar (or a kar holding one). */
    public synchronized PluginInfo install(byte[] file) {
        Upload upload = read(file);
        if (bundle(upload.pluginId()).isPresent()) {
            throw refusal(Kind.CONFLICT, "plugin-exists", "admin.plugin.exists", upload.pluginId());
        }
        checkNotTaken(upload);
        return deployAndCheck(upload, null);
    }

    /** Replaces a plugin by a new version of it (same plugin id); refused uploads leave the old one in place. */
    public synchronized PluginInfo upgrade(String id, byte[] file) {
        Upload upload = read(file);
        if (!upload.pluginId().equals(id)) {
            throw refusal(Kind.BAD_INPUT, "plugin-other-id", "admin.plugin.otherId", upload.pluginId(), id);
        }
        Bundle current = bundle(id).orElseThrow(() -> refusal(Kind.NOT_FOUND, "plugin-missing", "admin.plugin.missing", id));
        if (!current.getSymbolicName().equals(upload.symbolicName())) {
            throw refusal(Kind.BAD_INPUT, "plugin-other-bundle", "admin.plugin.otherBundle", upload.symbolicName(),
                    current.getSymbolicName());
        }
        String feature = "shebao-plugin-" + id;
        boolean fromFeature = !source(current).equals("upload");
        if (fromFeature) {
            uninstallFeature(feature, current);
        }
        try {
            return deployAndCheck(upload, current.getVersion());
        } catch (RuntimeException e) {
            if (fromFeature) {
                installFeature(feature);
            }
            throw e;
        }
    }

    /** Takes a plugin out; its tasks stay and wait for it. */
    public synchronized void remove(String id) {
        Bundle b = bundle(id).orElseThrow(() -> refusal(Kind.NOT_FOUND, "plugin-missing", "admin.plugin.missing", id));
        if (source(b).equals("upload")) {
            try {
                Files.deleteIfExists(deploy.resolve(id + ".jar"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            awaitGone(b);
        } else {
            uninstallFeature("shebao-plugin-" + id, b);
        }
        LOG.info("Plugin {} removed; its {} open tasks wait for it", id, openTasks(id));
    }

    private void uninstallFeature(String feature, Bundle b) {
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
        awaitGone(b);
    }

    private void installFeature(String feature) {
        try {
            features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            LOG.error("Could not reinstall {} after a refused upgrade", feature, e);
        }
    }

    private void awaitGone(Bundle b) {
        long until = System.currentTimeMillis() + SETTLE_MILLIS;
        while (b.getState() != Bundle.UNINSTALLED && System.currentTimeMillis() < until) {
            sleep();
        }
    }

    private void checkNotTaken(Upload upload) {
        // a business of that id from elsewhere (not a plugin bundle), or a plugin bundle of that name under another id
        if (types.find(upload.pluginId()).isPresent()) {
            throw refusal(Kind.CONFLICT, "plugin-duplicate-id", "admin.plugin.duplicateId", upload.pluginId());
        }
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().equals(upload.symbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                throw refusal(Kind.CONFLICT, "plugin-duplicate-bundle", "admin.plugin.duplicateBundle", upload.symbolicName());
            }
        }
    }

    /** Writes deploy/<id>.jar, waits for the bundle to start and register a business; undoes it otherwise. */
    private PluginInfo deployAndCheck(Upload upload, Version replacing) {
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
            if (b.isPresent() && b.get().getState() == Bundle.ACTIVE && registersPlugin(b.get(), upload.pluginId())) {
                LOG.info("Plugin {} {} installed{}", upload.pluginId(), upload.version(), replacing == null ? "" : " (was " + replacing + ")");
                return info(b.get(), upload.pluginId());
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
            throw refusal(Kind.BAD_INPUT, "plugin-unresolvable", "admin.plugin.unresolvable", problem);
        }
        throw refusal(Kind.BAD_INPUT, "plugin-no-business", "admin.plugin.noBusiness", upload.pluginId());
    }

    private Optional<Bundle> installed(Upload upload) {
        return java.util.Arrays.stream(context.getBundles()).filter(b -> upload.symbolicName().equals(b.getSymbolicName())
                && upload.version().equals(b.getVersion()) && b.getState() != Bundle.UNINSTALLED).findFirst();
    }

    private static boolean registersPlugin(Bundle b, String id) {
        ServiceReference<?>[] registered = b.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> ref : registered) {
            for (String name : (String[]) ref.getProperty("objectClass")) {
                if (name.equals(BusinessType.class.getName()) || name.equals(MenuEntry.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bundle in the upload: a bundle jar, or the one plugin bundle inside a kar's repository. */
    static Upload read(byte[] file) {
        if (file == null || file.length == 0) {
            throw refusal(Kind.BAD_INPUT, "plugin-empty", "admin.plugin.empty");
        }
        Upload direct = manifestOf(file);
        if (direct != null) {
            return direct;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            List<Upload> inside = new ArrayList<>();
            boolean any = false;
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                any = true;
                if (e.getName().startsWith("repository/") && e.getName().endsWith(".jar")) {
                    Upload u = manifestOf(zip.readAllBytes());
                    if (u != null) {
                        inside.add(u);
                    }
                }
            }
            if (!any) {
                throw refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
            }
            if (inside.size() != 1) {
                throw refusal(Kind.BAD_INPUT, "plugin-no-header", "admin.plugin.noHeader");
            }
            return inside.get(0);
        } catch (IOException e) {
            throw refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
        }
    }

    /** The upload if the bytes are a bundle jar with a plugin header; null if not a jar with a bundle manifest. */
    private static Upload manifestOf(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        manifest = new Manifest(in);
                        break;
                    }
                }
            }
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return null;
            }
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
            String id = manifest.getMainAttributes().getValue(HEADER);
            if (id == null || !id.trim().matches("[a-z0-9][a-z0-9-]{1,63}")) {
                throw refusal(Kind.BAD_INPUT, "plugin-no-header", "admin.plugin.noHeader");
            }
            Version version;
            try {
                version = Version.parseVersion(manifest.getMainAttributes().getValue("Bundle-Version"));
            } catch (IllegalArgumentException e) {
                throw refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
            }
            return new Upload(bsn, version, id.trim(), jar);
        } catch (IOException e) {
            return null;
        }
    }

    private static ShebaoException refusal(Kind kind, String code, String key, Object... args) {
        return new ShebaoException(kind, code, Messages.text(key, args));
    }
}
