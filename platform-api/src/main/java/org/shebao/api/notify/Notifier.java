package org.shebao.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivery of inbox entries beyond the console, provided by a plugin as an OSGi service: an SMS gateway, a
 * mini-program push. The platform calls it once for each entry written while it is registered, outside any
 * transaction; when it throws, the platform tries again after 1, 2, 4 … minutes (at most an hour apart) until 24
 * hours have passed, then gives up and logs it. The inbox entry stays whatever the notifier does.
 */
@ConsumerType
public interface Notifier {

    /** A stable name, the key of its deliveries (the same after a restart or an upgrade of the plugin). */
    String name();

    /** Delivers the entry, or throws to be tried again later. */
    void deliver(Delivery delivery) throws Exception;
}
