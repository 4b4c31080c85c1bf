package org.shebao.engine.internal.plugin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.i18n.Text;
import org.shebao.api.i18n.Texts;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.MenuGroup;
import org.shebao.engine.internal.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business types present right now, by id; they come and go with their bundles. Id, version, group, districts
 * and name come from the service's properties ({@link Business}) and its bundle, never from the plugin's code.
 */
@Component(service = BusinessTypeRegistry.class)
public class BusinessTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessTypeRegistry.class);

    private final Map<String, RegisteredBusiness> byId = new ConcurrentHashMap<>();

    @Reference
    volatile DistrictEnablement enablement;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBusinessType(BusinessType type, ServiceReference<BusinessType> ref) {
        String pluginId = PluginBundles.pluginId(ref.getBundle());
        String id = PluginBundles.string(ref, Business.PREFIX_ + "id", pluginId);
        if (id == null) {
            LOG.warn("A business type of bundle {} is ignored: the bundle has no {} header", ref.getBundle(),
                    org.shebao.api.spi.Plugins.HEADER);
            return;
        }
        // the plugin's text "name" (a bundle bringing several businesses names each "name.<id>")
        Texts texts = Texts.of(type.getClass());
        Text name = texts.has("name." + id) ? texts.t("name." + id) : texts.has("name") ? texts.t("name") : Text.literal(id);
        RegisteredBusiness business = new RegisteredBusiness(id, pluginId == null ? id : pluginId,
                PluginBundles.version(ref.getBundle()),
                MenuGroup.valueOf(PluginBundles.string(ref, Business.PREFIX_ + "group", MenuGroup.PERSONAL_BUSINESS.name())),
                PluginBundles.strings(ref, Business.PREFIX_ + "districts"), name, type);
        RegisteredBusiness previous = byId.put(id, business);
        LOG.info("Business type {} {} available", id, business.version());
        if (previous != null && previous.type() != type) {
            LOG.warn("Business type {} registered twice; version {} replaces {}", id, business.version(), previous.version());
        }
    }

    void removeBusinessType(BusinessType type) {
        byId.values().removeIf(b -> {
            if (b.type() == type) {
                LOG.info("Business type {} {} gone", b.id(), b.version());
                return true;
            }
            return false;
        });
    }

    public Optional<RegisteredBusiness> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The type if it is present and serves the district (declared districts, empty = all, and not switched off there). */
    public Optional<RegisteredBusiness> enabledFor(String id, String district) {
        return find(id).filter(b -> serves(b, district));
    }

    /** The types serving the district, by id. */
    public List<RegisteredBusiness> enabledFor(String district) {
        return all().stream().filter(b -> serves(b, district)).toList();
    }

    private boolean serves(RegisteredBusiness business, String district) {
        return business.declares(district) && enablement.enabled(district, business.pluginId());
    }

    /**
     * Whether the plugin does not serve the district now: switched off there by its office, or a business that
     * declares other districts. Its tasks of that district wait and its endpoints refuse changes (409).
     */
    public boolean switchedOff(String pluginId, String district) {
        return !enablement.enabled(district, pluginId) || byId.values().stream()
                .anyMatch(b -> b.pluginId().equals(pluginId) && !b.declares(district));
    }

    /** Whether the business of a task does not serve the district now (see {@link #switchedOff}). */
    public boolean businessSwitchedOff(String businessId, String district) {
        return find(businessId).map(b -> switchedOff(b.pluginId(), district)).orElse(!enablement.enabled(district, businessId));
    }

    /** The refusal while {@link #switchedOff}: 409 {@code business-disabled}, naming the business. */
    public ShebaoException disabled(String pluginOrBusinessId) {
        Text name = byId.values().stream().filter(b -> b.id().equals(pluginOrBusinessId) || b.pluginId().equals(pluginOrBusinessId))
                .findFirst().map(RegisteredBusiness::name).orElse(Text.literal(pluginOrBusinessId));
        return new ShebaoException(Kind.CONFLICT, "business-disabled", Messages.text("task.businessType.disabled", name));
    }

    /** The name of a plugin's (first) business, for screens that name plugins in words. */
    public java.util.Optional<Text> nameOfPlugin(String pluginId) {
        return byId.values().stream().filter(b -> b.pluginId().equals(pluginId)).map(RegisteredBusiness::name).findFirst();
    }

    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    public List<RegisteredBusiness> all() {
        return byId.values().stream().sorted(Comparator.comparing(RegisteredBusiness::id)).toList();
    }
}
