package org.shebao.engine.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.shebao.api.spi.BusinessType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The business types present right now, by id; they come and go with their bundles. */
@Component(service = BusinessTypeRegistry.class)
public class BusinessTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessTypeRegistry.class);

    private final Map<String, BusinessType> byId = new ConcurrentHashMap<>();

    @Reference
    volatile DistrictEnablement enablement;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBusinessType(BusinessType type) {
        BusinessType previous = byId.put(type.id(), type);
        LOG.info("Business type {} {} available", type.id(), type.version());
        if (previous != null && previous != type) {
            LOG.warn("Business type {} registered twice; version {} replaces {}", type.id(), type.version(),
                    previous.version());
        }
    }

    void removeBusinessType(BusinessType type) {
        if (byId.remove(type.id(), type)) {
            LOG.info("Business type {} {} gone", type.id(), type.version());
        }
    }

    public Optional<BusinessType> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The type if it is present and serves the district (declared districts, empty = all, and not switched off there). */
    public Optional<BusinessType> enabledFor(String id, String district) {
        return find(id == null ? "" : id).filter(t -> serves(t, district));
    }

    /** The types serving the district, by id. */
    public List<BusinessType> enabledFor(String district) {
        return all().stream().filter(t -> serves(t, district)).toList();
    }

    /**
     * Whether the plugin does not serve the district now: switched off there by its office, or a business that
     * declares other districts. Its tasks of that district wait and its endpoints refuse changes (409).
     */
    public boolean switchedOff(String pluginId, String district) {
        return !enablement.enabled(district, pluginId)
                || find(pluginId).map(t -> !t.districts().isEmpty() && !t.districts().contains(district)).orElse(false);
    }

    /** The refusal while {@link #switchedOff}: 409 {@code business-disabled}, naming the business. */
    public org.shebao.api.ShebaoException disabled(String pluginId) {
        org.shebao.api.i18n.Text name = find(pluginId).map(BusinessType::name)
                .orElse(org.shebao.api.i18n.Text.literal(pluginId));
        return new org.shebao.api.ShebaoException(org.shebao.api.ShebaoException.Kind.CONFLICT, "business-disabled",
                Messages.text("task.businessType.disabled", name));
    }

    private boolean serves(BusinessType type, String district) {
        return (type.districts().isEmpty() || type.districts().contains(district)) && enablement.enabled(district, type.id());
    }

    public java.util.Set<String> ids() {
        return java.util.Set.copyOf(byId.keySet());
    }

    public List<BusinessType> all() {
        return byId.values().stream().sorted(Comparator.comparing(BusinessType::id)).toList();
    }
}
