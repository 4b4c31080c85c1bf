package org.shebao.engine.internal.records;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.engine.internal.Messages;

/** The configured rows, as they come and go: a new or changed configuration applies at once. */
@Component(service = {RatesService.class, RatesRegistry.class})
public class RatesRegistry implements RatesService {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<RatesRow> rows;

    @Override
    public Optional<Rates> find(String district, Year year) {
        Optional<Rates> own = row(district, year);
        return own.isPresent() ? own : row(Rates.CITY, year);
    }

    private Optional<Rates> row(String district, Year year) {
        return rows.stream().map(RatesRow::rates).filter(r -> r.district().equals(district) && r.year().equals(year))
                .findFirst();
    }

    /**
     * The year's own row, else provisionally the latest earlier year that has one (the district's row of that year
     * first, then the city's): what applied to the district the year before stands in until the notice.
     */
    @Override
    public Rates rates(String district, Year year) {
        Optional<Rates> own = find(district, year);
        if (own.isPresent()) {
            return own.get();
        }
        return years(district).headSet(year).stream().reduce((a, b) -> b).flatMap(earlier -> find(district, earlier))
                .orElseThrow(() -> new ShebaoException(Kind.UNAVAILABLE, "rates-missing",
                        Messages.text("rates.missing", String.valueOf(year.getValue()), district)));
    }

    @Override
    public SortedSet<Year> years(String district) {
        SortedSet<Year> years = new TreeSet<>();
        rows.stream().map(RatesRow::rates).filter(r -> r.district().equals(district) || r.district().equals(Rates.CITY))
                .forEach(r -> years.add(r.year()));
        return years;
    }
}
