package org.shebao.engine.internal.admin;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.namespace.PackageNamespace;

/** The platform API as this engine is wired to it: plugins must be built against the same major version. */
final class PlatformApi {

    static final String SPI = "org.shebao.api.spi";

    private PlatformApi() {
    }

    /** The major version of {@code org.shebao.api.spi} the engine is wired to. */
    static int spiMajor(BundleContext engine) {
        BundleWiring wiring = engine.getBundle().adapt(BundleWiring.class);
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (SPI.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return ((Version) wire.getCapability().getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)).getMajor();
            }
        }
        throw new IllegalStateException("the engine is not wired to " + SPI);
    }
}
