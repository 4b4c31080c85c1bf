package org.shebao.api.spi;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.shebao.api.i18n.Text;

/** The businesses present now, as plugins that name them see them (a problem report names one). */
@ProviderType
public interface BusinessCatalog {

    /**
     * A business as present now.
     *
     * @param id      its id
     * @param version its plugin's version
     * @param name    its name
     */
    record BusinessInfo(String id, String version, Text name) {
    }

    /** Those serving the district (declared for it, not switched off there), by id. */
    List<BusinessInfo> servingDistrict(String district);

    Optional<BusinessInfo> find(String id);
}
