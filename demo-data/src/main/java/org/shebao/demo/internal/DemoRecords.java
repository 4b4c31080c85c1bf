package org.shebao.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.SortedSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.Records;
import org.shebao.api.records.RecordsImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo citizens' records (DEMO.md) once: a citizen whose record exists is left as it is. Waits for
 * the rates of every year the histories need (configurations arrive one by one at boot).
 */
@Component(immediate = true)
public class DemoRecords {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRecords.class);
    private final Thread seeder;

    @Activate
    public DemoRecords(@Reference Records records, @Reference RecordsImport imports, @Reference RatesService rates,
            @Reference Clock clock) {
        seeder = new Thread(() -> seed(records, imports, rates, clock), "shebao-demo-records");
        seeder.setDaemon(true);
        seeder.start();
    }

    @Deactivate
    void stop() {
        seeder.interrupt();
    }

    private static void seed(Records records, RecordsImport imports, RatesService rates, Clock clock) {
        try {
            LocalDate today = LocalDate.now(clock);
            SortedSet<Year> years = awaitRates(rates, Year.of(today.getYear()));
            DemoHistories histories = new DemoHistories(today, y -> rates.rates(Rates.CITY, y), years.first());
            int seeded = 0;
            for (DemoHistories.History h : histories.all()) {
                String id = h.person().id().value();
                if (records.person(id).isPresent()) {
                    continue;
                }
                imports.registerPerson(h.person());
                h.enrolments().forEach(e -> imports.importEnrolment(id, e));
                imports.importLines(id, h.lines());
                seeded++;
            }
            LOG.info("Demo records: {} citizens seeded", seeded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Demo records not seeded", e);
        }
    }

    /**
     * The configured years, once every year from the first to this one is there, or to last year's and nothing more
     * came for two seconds (this year is then provisional); at most two minutes.
     */
    private static SortedSet<Year> awaitRates(RatesService rates, Year thisYear) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        SortedSet<Year> seen = null;
        long stableSince = System.nanoTime();
        while (true) {
            SortedSet<Year> years = rates.years(Rates.CITY);
            if (!years.equals(seen)) {
                seen = years;
                stableSince = System.nanoTime();
            }
            boolean contiguous = !years.isEmpty() && years.size() == years.last().getValue() - years.first().getValue() + 1;
            boolean complete = contiguous && (years.contains(thisYear) || (years.last().equals(thisYear.minusYears(1))
                    && System.nanoTime() - stableSince > 2_000_000_000L));
            if (complete || System.nanoTime() > deadline) {
                if (!complete) {
                    LOG.warn("Demo records: rates configured for {} only", years);
                }
                return years;
            }
            Thread.sleep(250);
        }
    }
}
