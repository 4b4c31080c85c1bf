package org.shebao.demo.internal;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.ResidentId;

/**
 * The demo citizens' records of DEMO.md, relative to the current month: months before it PAID unless the
 * history says otherwise, the current month DUE. Amounts come from the configured rates (provisionally the latest
 * earlier year's for a year without its own, as the platform computes them); months before the first configured
 * year (the demo's pre-2019 history) carry that first year's figures, as the bureau's legacy amounts are not part of
 * the demo.
 */
final class DemoHistories {

    /** A demo citizen's record: the person, their enrolments and their ledger lines. */
    record History(Person person, List<Enrolment> enrolments, List<ImportedLine> lines) {
    }

    private final YearMonth current;
    private final Function<Year, Rates> rates;
    private final Year firstConfigured;

    /**
     * @param today           the demo's today
     * @param rates           the city's rates that apply to a year (provisional ones included)
     * @param firstConfigured the first year with rates
     */
    DemoHistories(LocalDate today, Function<Year, Rates> rates, Year firstConfigured) {
        this.current = YearMonth.from(today);
        this.rates = rates;
        this.firstConfigured = firstConfigured;
    }

    List<History> all() {
        List<History> all = new ArrayList<>();
        // 张伟: never enrolled
        all.add(new History(person("420102199003150117", "张伟", "420102", 1, "武汉市江岸区沿江大道 100 号"), List.of(), List.of()));
        // 李娜: 110 at 60% and 310 since 2020-01, all paid
        {
            YearMonth since = YearMonth.of(2020, 1);
            List<ImportedLine> lines = new ArrayList<>();
            lines.addAll(lines(InsuranceType.PENSION, 60, since, current.minusMonths(1), LineStatus.PAID, List.of()));
            lines.addAll(medical(since, current.minusMonths(1), LineStatus.PAID));
            lines.addAll(currentDue(true, 60));
            all.add(new History(person("420106198507220220", "李娜", "420106", 2, "武汉市武昌区中北路 200 号"),
                    List.of(paying(InsuranceType.PENSION, 60, since, since), paying(InsuranceType.MEDICAL, null, since, since)),
                    lines));
        }
        // 王强: 110 at 100% and 310 since 2018-01; the six months before last unpaid (arrears by the rule: month M is
        // arrears after the last day of M+1), last month still due
        {
            YearMonth since = YearMonth.of(2018, 1);
            YearMonth lastPaid = current.minusMonths(8);
            List<ImportedLine> lines = new ArrayList<>();
            lines.addAll(lines(InsuranceType.PENSION, 100, since, lastPaid, LineStatus.PAID, List.of()));
            lines.addAll(medical(since, lastPaid, LineStatus.PAID));
            lines.addAll(lines(InsuranceType.PENSION, 100, current.minusMonths(7), current.minusMonths(2), LineStatus.ARREARS, List.of()));
            lines.addAll(medical(current.minusMonths(7), current.minusMonths(2), LineStatus.ARREARS));
            lines.addAll(lines(InsuranceType.PENSION, 100, current.minusMonths(1), current.minusMonths(1), LineStatus.DUE, List.of()));
            lines.addAll(medical(current.minusMonths(1), current.minusMonths(1), LineStatus.DUE));
            lines.addAll(currentDue(true, 100));
            all.add(new History(person("420111197811020334", "王强", "420111", 3, "武汉市洪山区珞喻路 300 号"),
                    List.of(paying(InsuranceType.PENSION, 100, since, since), paying(InsuranceType.MEDICAL, null, since, since)),
                    lines));
        }
        // 刘芳: 110 since 2016-01, interrupted 2022-03..2022-08 and 2024-01..2024-04 (no lines), paid otherwise
        {
            YearMonth since = YearMonth.of(2016, 1);
            List<YearMonth> gaps = new ArrayList<>();
            addMonths(gaps, YearMonth.of(2022, 3), YearMonth.of(2022, 8));
            addMonths(gaps, YearMonth.of(2024, 1), YearMonth.of(2024, 4));
            List<ImportedLine> lines = new ArrayList<>(
                    lines(InsuranceType.PENSION, 60, since, current.minusMonths(1), LineStatus.PAID, gaps));
            lines.addAll(currentDue(false, 60));
            all.add(new History(person("420103198205300445", "刘芳", "420103", 4, "武汉市江汉区解放大道 400 号"),
                    List.of(paying(InsuranceType.PENSION, 60, since, YearMonth.of(2024, 5))), lines));
        }
        // 陈杰: 110 and 310 suspended since 2023-01 (paid 2019-01..2022-12)
        {
            YearMonth since = YearMonth.of(2019, 1);
            YearMonth last = YearMonth.of(2022, 12);
            List<ImportedLine> lines = new ArrayList<>(lines(InsuranceType.PENSION, 80, since, last, LineStatus.PAID, List.of()));
            lines.addAll(medical(since, last, LineStatus.PAID));
            all.add(new History(person("420104197509090557", "陈杰", "420104", 5, "武汉市硚口区中山大道 500 号"),
                    List.of(suspended(InsuranceType.PENSION, 80, since, last), suspended(InsuranceType.MEDICAL, null, since, last)),
                    lines));
        }
        // 赵敏: never enrolled, over the age limit for women
        all.add(new History(person("420105197012010669", "赵敏", "420105", 6, "武汉市汉阳区汉阳大道 600 号"), List.of(), List.of()));
        // 孙丽: records but no account (she registers herself): 110 at 80% and 310 since 2021-03, all paid
        {
            YearMonth since = YearMonth.of(2021, 3);
            List<ImportedLine> lines = new ArrayList<>();
            lines.addAll(lines(InsuranceType.PENSION, 80, since, current.minusMonths(1), LineStatus.PAID, List.of()));
            lines.addAll(medical(since, current.minusMonths(1), LineStatus.PAID));
            lines.addAll(currentDue(true, 80));
            all.add(new History(Person.of(new ResidentId("420107198806120226"), "孙丽", "420107", Household.LOCAL,
                    new Contact("13907100001", "武汉市青山区和平大道 700 号", "430000", null, null, null)),
                    List.of(paying(InsuranceType.PENSION, 80, since, since), paying(InsuranceType.MEDICAL, null, since, since)),
                    lines));
        }
        return all;
    }

    private static Person person(String id, String name, String district, int n, String address) {
        return Person.of(new ResidentId(id), name, district, Household.LOCAL,
                new Contact("1380000000" + n, address, "430000", null, null, null));
    }

    private static Enrolment paying(InsuranceType type, Integer tier, YearMonth start, YearMonth payingFrom) {
        return new Enrolment(type, EnrolmentStatus.PAYING, tier, start, payingFrom, null, null);
    }

    private static Enrolment suspended(InsuranceType type, Integer tier, YearMonth start, YearMonth lastPaying) {
        return new Enrolment(type, EnrolmentStatus.SUSPENDED, tier, start, start, lastPaying, null);
    }

    private List<ImportedLine> currentDue(boolean medical, int tier) {
        List<ImportedLine> due = new ArrayList<>(lines(InsuranceType.PENSION, tier, current, current, LineStatus.DUE, List.of()));
        if (medical) {
            due.addAll(medical(current, current, LineStatus.DUE));
        }
        return due;
    }

    private List<ImportedLine> medical(YearMonth from, YearMonth to, LineStatus status) {
        List<ImportedLine> out = new ArrayList<>(lines(InsuranceType.MEDICAL, null, from, to, status, List.of()));
        out.addAll(lines(InsuranceType.MAJOR_ILLNESS, null, from, to, status, List.of()));
        return out;
    }

    private List<ImportedLine> lines(InsuranceType type, Integer tier, YearMonth from, YearMonth to, LineStatus status,
            List<YearMonth> skip) {
        List<ImportedLine> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (!skip.contains(m)) {
                Rates r = ratesOf(m);
                out.add(new ImportedLine(type, m, r.base(type, tier), r.monthly(type, tier), status, tier,
                        r.year().getValue()));
            }
        }
        return out;
    }

    private Rates ratesOf(YearMonth month) {
        Year year = Year.of(month.getYear()).isBefore(firstConfigured) ? firstConfigured : Year.of(month.getYear());
        return rates.apply(year);
    }

    private static void addMonths(List<YearMonth> into, YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            into.add(m);
        }
    }
}
