package org.shebao.api.records;

import java.time.Year;
import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The configured rates (Config Admin, factory PID {@code org.shebao.rates}, one configuration per district and
 * year). A district without its own row for a year uses the city's ({@link Rates#CITY}). Changes apply at once.
 */
@ProviderType
public interface RatesService {

    /** The district's row for the year, else the city's. */
    Optional<Rates> find(String district, Year year);

    /**
     * The rates that apply to the year: its own row as {@link #find} answers it, else, provisionally, the latest
     * earlier year's (暂按上年度标准; {@link Rates#provisionalFor} tells). A year before the first row is refused
     * with a clear error (503, code {@code rates-missing}): never a silent zero.
     */
    Rates rates(String district, Year year);

    /** The years configured for the district (its own rows and the city's). */
    SortedSet<Year> years(String district);
}
