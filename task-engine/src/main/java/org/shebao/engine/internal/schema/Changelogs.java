package org.shebao.engine.internal.schema;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies one bundle's Liquibase changelog to the database, under Liquibase's lock (one node at a time). */
final class Changelogs {

    private Changelogs() {
    }

    /**
     * The changesets of the changelog (a resource of the loader) not yet applied, each in its own transaction; a
     * failing one is rolled back and stops the update (those before it stay: they are backward compatible). A
     * changelog whose text was applied in full before is left to itself ({@link ChangelogFingerprints}).
     *
     * @return whether Liquibase looked at it (false: this text was applied before)
     * @throws Exception what Liquibase reports
     */
    static boolean update(DataSource dataSource, ClassLoader loader, String changelog) throws Exception {
        Optional<String> fingerprint = ChangelogFingerprints.of(loader, changelog);
        if (fingerprint.isPresent() && ChangelogFingerprints.applied(dataSource, changelog, fingerprint.get())) {
            return false;
        }
        boolean allRan = liquibase(dataSource, loader, changelog);
        if (allRan) {
            fingerprint.ifPresent(sha256 -> ChangelogFingerprints.record(dataSource, changelog, sha256));
        }
        return true;
    }

    /**
     * Liquibase's update of the changelog.
     *
     * @return whether every changeset has run now (none skipped by a precondition that continues, or failed
     *         without failing the update): Liquibase would try those again, so the text is not recorded
     */
    private static boolean liquibase(DataSource dataSource, ClassLoader loader, String changelog) throws Exception {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(loader);
        // Liquibase finds its parts with java.util.ServiceLoader in the scope's class loader, and the custom
        // preconditions there too; its root scope (one per thread, kept) in the thread's: its own bundle's loader
        ClassLoader own = new LiquibaseClassLoader(Scope.class.getClassLoader(), Changelogs.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Scope.class.getClassLoader());
        // one at a time in this JVM: threads started by one that used Liquibase share its current scope (the
        // database's lock serializes the updates anyway)
        synchronized (Changelogs.class) {
            try {
                return update(dataSource, changelog, resources, own);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    private static boolean update(DataSource dataSource, String changelog, ClassLoaderResourceAccessor resources,
            ClassLoader own) throws Exception {
        // no call home: the distribution runs offline
        return Scope.child(Map.of("liquibase.analytics.enabled", Boolean.FALSE, Scope.Attr.resourceAccessor.name(), resources,
                Scope.Attr.classLoader.name(), own), () -> {
            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (database instanceof DerbyDatabase derby) {
                    derby.setShutdownEmbeddedDerby(false); // the pool's database stays up for everyone else
                }
                try (Liquibase liquibase = new Liquibase(changelog, resources, database)) {
                    // told by the update itself rather than asked after it (listUnrunChangeSets parses again)
                    EveryChangeSetRan ran = new EveryChangeSetRan();
                    liquibase.setChangeExecListener(ran);
                    liquibase.update(new Contexts(), new LabelExpression());
                    return ran.all();
                }
            }
        });
    }

    /** The innermost cause's message: what the database said. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
