package org.shebao.engine.internal.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.shebao.api.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notifiers plugins provide now, by name; they come and go with their plugins. */
@Component(service = NotifierRegistry.class)
public class NotifierRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierRegistry.class);

    private final Map<String, Notifier> byName = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(Notifier notifier) {
        String name = notifier.name();
        if (byName.putIfAbsent(name, notifier) != null) {
            LOG.warn("A second notifier named {} is ignored", name);
        } else {
            LOG.info("Notifier {} delivers inbox entries from now on", name);
        }
    }

    void remove(Notifier notifier) {
        byName.remove(notifier.name(), notifier);
    }

    List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    Optional<Notifier> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
