package org.shebao.engine.internal.openapi;

import java.util.Set;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names a nested type's schema after its enclosing class too ({@code HealthResource.PluginInfo},
 * {@code PluginInfos.PluginInfo}): the answers' records are nested in their resources, and several share a simple
 * name that would otherwise make one schema stand for another.
 */
final class NestedTypeNames extends TypeNameResolver {

    @Override
    protected String nameForClass(Class<?> cls, Set<Options> options) {
        String name = super.nameForClass(cls, options);
        Class<?> outer = cls.getEnclosingClass();
        return outer == null || !name.equals(cls.getSimpleName()) ? name : outer.getSimpleName() + "." + name;
    }
}
