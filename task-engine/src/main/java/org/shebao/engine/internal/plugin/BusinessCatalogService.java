package org.shebao.engine.internal.plugin;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.spi.BusinessCatalog;

/** The businesses present now, for plugins that name one. */
@Component(service = BusinessCatalog.class)
public class BusinessCatalogService implements BusinessCatalog {

    private final BusinessTypeRegistry types;

    @Activate
    public BusinessCatalogService(@Reference BusinessTypeRegistry types) {
        this.types = types;
    }

    @Override
    public List<BusinessInfo> servingDistrict(String district) {
        return types.enabledFor(district).stream().map(BusinessCatalogService::info).toList();
    }

    @Override
    public Optional<BusinessInfo> find(String id) {
        return types.find(id).map(BusinessCatalogService::info);
    }

    private static BusinessInfo info(RegisteredBusiness b) {
        return new BusinessInfo(b.id(), b.version(), b.name());
    }
}
