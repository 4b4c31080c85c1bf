package org.shebao.api.records;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.shebao.api.i18n.Text;

/** The city's districts, from configuration ({@code etc/org.shebao.districts.cfg}). */
@ProviderType
public interface Districts {

    /** Every district, by code. */
    List<District> all();

    Optional<District> find(String code);

    /** The district's name; its code when it is not configured. */
    default Text name(String code) {
        return find(code).map(District::name).orElse(Text.literal(String.valueOf(code)));
    }
}
