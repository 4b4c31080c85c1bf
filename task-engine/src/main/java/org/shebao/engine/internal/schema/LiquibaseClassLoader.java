package org.shebao.engine.internal.schema;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * What Liquibase is given to load with: its own bundle's classes and resources first, among them the
 * {@code META-INF/services} that its {@code ServiceLoader} reads (its changes, databases, parsers...: no extender needs
 * to weave it), then the engine's, for the custom preconditions that changelogs name
 * ({@link TableMissing}). Defines no class itself.
 */
final class LiquibaseClassLoader extends ClassLoader {

    private final ClassLoader engine;

    LiquibaseClassLoader(ClassLoader liquibase, ClassLoader engine) {
        super(liquibase);
        this.engine = engine;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return engine.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return engine.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return engine.getResources(name);
    }
}
