package org.shebao.engine.internal.shell;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.api.records.District;
import org.shebao.api.records.Districts;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.RecordsImport;
import org.shebao.api.records.RecordsImport.PersonRecords;
import org.shebao.engine.internal.db.PlannerStatistics;

/**
 * {@code shebao:records-generate}: synthetic persons for load tests (a city's size), loaded through the bulk
 * {@link RecordsImport#importAll}, then refreshes the planner's statistics ({@link PlannerStatistics}); prints the time
 * each took and a sample of the persons made (ID, name, mobile) for a benchmark to open their accounts with. Never on a
 * bureau's real database.
 */
@Service
@Command(scope = "shebao", name = "records-generate",
        description = "Load tests only: adds synthetic persons with years of paid ledger through the bulk import")
public class RecordsGenerateCommand implements Action {

    private static final int BATCH = 500;

    @Reference
    RecordsImport imports;

    @Reference
    RatesService rates;

    @Reference
    Districts districts;

    @Reference
    Clock clock;

    @Reference
    PlannerStatistics statistics;

    @Option(name = "--persons", description = "How many persons (default 1000)")
    int persons = 1000;

    @Option(name = "--years", description = "Years of ledger before this month (default 5)")
    int years = 5;

    @Option(name = "--first", description = "Index of the first person (another run adds others; default 0)")
    int first;

    @Option(name = "--sample", description = "How many of the persons to print (default 0)")
    int sample;

    @Override
    public Object execute() throws SQLException {
        if (persons < 1 || years < 1 || first < 0 || sample < 0) {
            System.out.println("Nothing generated: --persons and --years must be at least 1, --first and --sample"
                    + " not negative");
            return null;
        }
        YearMonth now = YearMonth.from(LocalDate.now(clock));
        // the districts (420102…), not the city (420100)
        List<String> codes = districts.all().stream().map(District::code)
                .filter(c -> c.matches("\\d{4}(0[1-9]|[1-9]\\d)")).toList();
        SyntheticPersons made = new SyntheticPersons(codes, rates, now.minusYears(years), now);
        long start = System.nanoTime();
        long lines = 0;
        List<PersonRecords> batch = new ArrayList<>(BATCH);
        for (int i = first; i < first + persons; i++) {
            batch.add(made.person(i));
            if (batch.size() == BATCH || i == first + persons - 1) {
                lines += imports.importAll(batch);
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Generated %d persons, %d ledger lines in %.1f s (%.0f lines/s)%n", persons, lines, seconds,
                lines / Math.max(seconds, 0.001));
        // as a bulk load ends: the planner learns the tables' new sizes now, not over the first citizens' queries
        long analysing = System.nanoTime();
        statistics.refresh(List.of("SB_PERSON", "SB_ENROLMENT", "SB_LEDGER"));
        System.out.printf("Planner statistics refreshed in %.1f s%n", (System.nanoTime() - analysing) / 1e9);
        for (int i = first; i < first + Math.min(sample, persons); i++) {
            var p = made.person(i).person();
            System.out.printf("sample %s %s %s%n", p.id().value(), p.name(), p.contact().mobile());
        }
        return null;
    }
}
