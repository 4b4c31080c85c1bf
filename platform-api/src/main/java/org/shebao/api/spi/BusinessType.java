package org.shebao.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A business of the service hall (enrolment, suspension, ...), contributed by a plugin bundle
 * as an OSGi service. The platform finds business types at any time and lets them go at any time.
 */
@ConsumerType
public interface BusinessType {

    /** Stable identifier, e.g. {@code enrol}; a task keeps it for life. */
    String id();

    /** The plugin's version, {@code major.minor.micro}. */
    String version();
}
