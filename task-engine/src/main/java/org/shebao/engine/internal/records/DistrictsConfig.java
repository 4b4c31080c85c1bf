package org.shebao.engine.internal.records;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.District;
import org.shebao.api.records.Districts;

/**
 * The city's districts from {@code etc/org.shebao.districts.cfg}: {@code <code>.name = 江岸区} and
 * {@code <code>.name.en = Jiang'an District} (the Chinese name when no English one is given); where configured, the
 * district office's {@code <code>.office.address} ({@code .en}) and {@code <code>.office.phone}, which receipts show.
 */
@Component(service = {Districts.class, DistrictsConfig.class}, configurationPid = "org.shebao.districts")
public class DistrictsConfig implements Districts {

    /** A district office's address (in words, each language) and telephone, either possibly missing. */
    public record Office(Text address, String phone) {
    }

    private volatile Map<String, District> byCode = Map.of();
    private volatile Map<String, Office> offices = Map.of();

    @Activate
    @Modified
    void read(Map<String, Object> properties) {
        Map<String, District> next = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.matches("\\d{6}\\.name")) {
                String code = key.substring(0, 6);
                String zh = String.valueOf(value).trim();
                Object en = properties.get(code + ".name.en");
                String english = en == null || en.toString().isBlank() ? zh : en.toString().trim();
                next.put(code, new District(code, locale -> "en".equals(locale.getLanguage()) ? english : zh));
            }
        });
        byCode = next;
        Map<String, Office> found = new TreeMap<>();
        next.keySet().forEach(code -> {
            String address = text(properties.get(code + ".office.address"));
            String english = text(properties.get(code + ".office.address.en"));
            String phone = text(properties.get(code + ".office.phone"));
            if (address != null || phone != null) {
                found.put(code, new Office(address == null ? null
                        : locale -> "en".equals(locale.getLanguage()) && english != null ? english : address, phone));
            }
        });
        offices = found;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** The district office, where configured. */
    public Optional<Office> office(String code) {
        return Optional.ofNullable(code == null ? null : offices.get(code));
    }

    @Override
    public List<District> all() {
        return List.copyOf(byCode.values());
    }

    @Override
    public Optional<District> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The name in words, or the code. */
    @Override
    public Text name(String code) {
        return find(code).map(District::name).orElse(Text.literal(String.valueOf(code)));
    }
}
