package org.shebao.itests.plugin;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;

/**
 * Registers the test business {@code it-probe} and two hundred more ({@code it-bulk-0..199}) so that one
 * citizen can have many open tasks in the load tests.
 */
@Component(immediate = true)
public class ProbeBusinesses {

    static final int BULK = 200;

    private final List<ServiceRegistration<BusinessType>> registrations = new ArrayList<>();

    @Activate
    public ProbeBusinesses(BundleContext context) {
        registrations.add(context.registerService(BusinessType.class, new ProbeBusiness(), id("it-probe")));
        for (int i = 0; i < BULK; i++) {
            registrations.add(context.registerService(BusinessType.class, new ProbeBusiness(), id("it-bulk-" + i)));
        }
    }

    /** A business of its own id (the bundle brings several; their names are the texts name.<id>, else name). */
    private static java.util.Dictionary<String, Object> id(String id) {
        return new java.util.Hashtable<>(java.util.Map.of(Business.PREFIX_ + "id", id));
    }

    @Deactivate
    void stop() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
