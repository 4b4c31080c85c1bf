package org.shebao.engine.internal.admin;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.task.TaskState;
import org.shebao.engine.internal.db.Transactions;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.DistrictEnablement;
import org.shebao.engine.internal.plugin.MenuEntryRegistry;
import org.shebao.engine.internal.plugin.PluginBundles;
import org.shebao.engine.internal.plugin.RegisteredBusiness;

/** The plugins installed now, as the administration lists them: bundle, state, districts, open tasks, source. */
@Component(service = PluginInfos.class)
public class PluginInfos {

    /** A plugin as the administration lists it. */
    public record PluginInfo(String id, String version, String bundleState, String symbolicName, long bundleId,
            Set<String> districts, Set<String> disabledIn, long openTasks, String source) {
    }

    private final BundleContext context;
    private final BusinessTypeRegistry types;
    private final MenuEntryRegistry entries;
    private final DistrictEnablement enablement;
    private final JpaTemplate jpa;

    @Activate
    public PluginInfos(BundleContext context, @Reference BusinessTypeRegistry types, @Reference MenuEntryRegistry entries,
            @Reference DistrictEnablement enablement, @Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa) {
        this.context = context;
        this.types = types;
        this.entries = entries;
        this.enablement = enablement;
        this.jpa = jpa;
    }

    public List<PluginInfo> list() {
        return Arrays.stream(context.getBundles()).filter(b -> PluginBundles.pluginId(b) != null && installed(b))
                .map(b -> info(b, PluginBundles.pluginId(b)))
                .sorted(Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::bundleId)).toList();
    }

    public Optional<PluginInfo> find(String id) {
        return bundle(id).map(b -> info(b, id));
    }

    Optional<Bundle> bundle(String id) {
        return Arrays.stream(context.getBundles()).filter(b -> id.equals(PluginBundles.pluginId(b)) && installed(b)).findFirst();
    }

    static boolean installed(Bundle b) {
        return b.getState() != Bundle.UNINSTALLED;
    }

    /** Whether the platform knows the plugin's businesses or menu entries (what makes it a plugin). */
    boolean registered(String id) {
        return types.all().stream().anyMatch(t -> t.pluginId().equals(id)) || entries.has(id);
    }

    PluginInfo info(Bundle b, String id) {
        Set<String> districts = new TreeSet<>();
        types.all().stream().filter(t -> t.pluginId().equals(id)).map(RegisteredBusiness::districts).forEach(districts::addAll);
        return new PluginInfo(id, b.getVersion().toString(), state(b), b.getSymbolicName(), b.getBundleId(), districts,
                enablement.disabledIn(id), openTasks(id), source(b));
    }

    static String source(Bundle b) {
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

    /** Tasks of the plugin's businesses not yet final (draft, submitted, returned). */
    public long openTasks(String id) {
        return Transactions.inTransaction(jpa, em -> em.createQuery("SELECT COUNT(t) FROM TaskEntity t WHERE t.businessType = :b"
                + " AND t.state IN :open", Long.class).setParameter("b", id)
                .setParameter("open", List.of(TaskState.DRAFT, TaskState.SUBMITTED, TaskState.RETURNED)).getSingleResult());
    }
}
