package org.shebao.api.spi;

/** What makes a bundle a Shebao plugin. */
public final class Plugins {

    /**
     * The manifest header naming the plugin, {@code Shebao-Plugin: arrears-payment}: what administrators install,
     * upgrade, remove and switch per district, what its businesses, menu entries and endpoints are known by, and where
     * its endpoints ({@code /api/plugins/<id>/…}) and screens ({@code /console/plugins/<id>/…}) are served. The build
     * writes it from the artifactId ({@code shebao-plugin-<id>}).
     */
    public static final String HEADER = "Shebao-Plugin";

    private Plugins() {
    }
}
