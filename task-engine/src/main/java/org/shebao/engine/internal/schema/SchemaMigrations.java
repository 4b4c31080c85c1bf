package org.shebao.engine.internal.schema;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.shebao.engine.internal.plugin.PluginBundles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations (Liquibase), each bundle owning its changelog: the engine's own
 * ({@code db/engine.changelog.xml}) at start, on a thread of its own, and every bundle's whose manifest names one in
 * {@code Shebao-Changelog} (a plugin's own tables) while it starts, before its components run. Persistence units take
 * the DataSource that this registers ({@code osgi.jndi.service.name=shebao.schema}) with their schema among
 * {@code shebao.schemas}, so that no unit touches a table before its changesets are applied. A failing migration
 * leaves the schema out (the plugin's unit never starts) and is told to the administration ({@link #failure(Bundle)});
 * the engine's leaves the platform unready and is tried again, after 2, 4, 8 … and at most 30 seconds: a node that
 * starts while its database is down becomes ready once the database is back.
 */
@Component(service = SchemaMigrations.class, immediate = true)
public class SchemaMigrations {

    public static final String HEADER = "Shebao-Changelog";
    public static final String JNDI_NAME = "shebao.schema";
    public static final String SCHEMAS = "shebao.schemas";
    static final String ENGINE = "engine";
    /** The longest wait between two attempts at the engine's changelog (2, 4, 8 … seconds before). */
    static final long MAX_RETRY_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource raw;
    private final Set<String> schemas = new TreeSet<>();
    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private final Thread migrator;
    private ServiceRegistration<DataSource> registration;
    private BundleTracker<String> tracker;
    private boolean closed;

    @Activate
    public SchemaMigrations(@Reference(target = "(osgi.jndi.service.name=shebao)") DataSource raw, BundleContext context) {
        this.raw = raw;
        // on a thread of its own: the start-up thread goes on starting the other bundles meanwhile (a new database's
        // changesets take seconds), and everything that needs the tables waits for the DataSource registered after
        migrator = new Thread(() -> migrateEngine(context), "shebao-schema");
        migrator.start();
    }

    /** The engine's changelog, then the DataSource for the units, then every bundle's changelog as it starts. */
    private void migrateEngine(BundleContext context) {
        long start = System.nanoTime();
        Boolean looked = null;
        for (int attempt = 1; looked == null; attempt++) {
            try {
                looked = Changelogs.update(raw, SchemaMigrations.class.getClassLoader(), "db/engine.changelog.xml");
            } catch (Exception e) {
                // the database down or unreachable as this node starts: the node waits for it, unready, and tries
                // again (a changeset that fails on a reachable database fails again each time: the log says why)
                long seconds = Math.min(MAX_RETRY_SECONDS, 1L << Math.min(attempt, 5));
                LOG.error("Engine schema could not be migrated (attempt {}), the platform stays unready; trying again"
                        + " in {} s: {}", attempt, seconds, Changelogs.rootMessage(e), attempt == 1 ? e : null);
                if (!pause(seconds)) {
                    return;
                }
            }
        }
        LOG.info("Engine schema {} in {} ms", looked ? "migrated" : "unchanged since applied",
                (System.nanoTime() - start) / 1_000_000);
        BundleTracker<String> bundles = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                return migrate(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String schema) {
                // the unit goes with its bundle; a new version's unit waits for its own changesets
                withdraw(schema);
            }
        };
        Dictionary<String, Object> engine;
        synchronized (this) {
            if (closed) {
                return;
            }
            schemas.add(ENGINE);
            engine = properties();
        }
        // outside the lock: the units and the components that wait for them start in this call
        ServiceRegistration<DataSource> migrated = context.registerService(DataSource.class,
                new MigratedDataSource(raw), engine);
        synchronized (this) {
            if (closed) { // deactivated meanwhile, by what the registration started, on this thread
                migrated.unregister();
                return;
            }
            registration = migrated;
            tracker = bundles;
        }
        bundles.open();
    }

    /** Waits before the next attempt; false once deactivated. */
    private synchronized boolean pause(long seconds) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            for (long left = seconds * 1000; !closed && left > 0; left = (until - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closed;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll(); // a migration waiting to try again gives up
        }
        if (Thread.currentThread() != migrator) { // (deactivated by what its own registration started: no wait)
            migrator.join(); // Liquibase is not interrupted halfway: its changeset ends, committed or rolled back
        }
        BundleTracker<String> bundles;
        ServiceRegistration<DataSource> migrated;
        synchronized (this) {
            bundles = tracker;
            migrated = registration;
        }
        if (bundles != null) {
            bundles.close();
        }
        if (migrated != null) {
            migrated.unregister();
        }
    }

    /** Why the bundle's changelog could not be applied, if it failed. */
    public Optional<String> failure(Bundle bundle) {
        return Optional.ofNullable(failures.get(bundle.getBundleId()));
    }

    private String migrate(Bundle bundle) {
        String changelog = bundle.getHeaders("").get(HEADER);
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (changelog == null || changelog.isBlank() || wiring == null) {
            return null;
        }
        String schema = Optional.ofNullable(PluginBundles.pluginId(bundle)).orElse(bundle.getSymbolicName());
        try {
            boolean looked = Changelogs.update(raw, wiring.getClassLoader(), changelog.trim());
            failures.remove(bundle.getBundleId());
            synchronized (this) {
                schemas.add(schema);
                registration.setProperties(properties());
            }
            LOG.info("Schema {} of bundle {} {} {}", schema, bundle.getSymbolicName(), bundle.getVersion(),
                    looked ? "migrated" : "unchanged since applied");
            return schema;
        } catch (Exception e) {
            withdraw(schema);
            String why = Changelogs.rootMessage(e);
            failures.put(bundle.getBundleId(), why);
            LOG.error("Schema {} of bundle {} {} could not be migrated: {}", schema, bundle.getSymbolicName(),
                    bundle.getVersion(), why, e);
            return null;
        }
    }

    private synchronized void withdraw(String schema) {
        if (!ENGINE.equals(schema) && schemas.remove(schema)) {
            registration.setProperties(properties());
        }
    }

    private Dictionary<String, Object> properties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jndi.service.name", JNDI_NAME);
        props.put(SCHEMAS, schemas.toArray(new String[0]));
        return props;
    }
}
