package org.shebao.engine.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.shebao.api.records.Contact;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.Household;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.records.RecordsImport.ImportedLine;
import org.shebao.api.records.RecordsImport.PersonRecords;
import org.shebao.api.records.ResidentId;

/**
 * The {@code i}-th synthetic person, always the same: a valid resident ID (district, birth day and sequence drawn
 * from {@code i}, so no two collide), a name, a mobile {@code 139xxxxxxxx}, paying pension (a tier of the rates) and
 * medical insurance since the first month, each month's 110, 310 and 330 at its year's rates, paid but for the last
 * {@code i % 4} months (due or in arrears).
 */
final class SyntheticPersons {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"};
    private static final LocalDate OLDEST = LocalDate.of(1967, 1, 1);
    private static final int DAYS = 14_000;

    private final List<String> districts;
    private final RatesService rates;
    private final YearMonth from;
    private final YearMonth until;

    SyntheticPersons(List<String> districts, RatesService rates, YearMonth from, YearMonth until) {
        this.districts = districts;
        this.rates = rates;
        this.from = from;
        this.until = until;
    }

    PersonRecords person(int i) {
        String district = districts.get(i % districts.size());
        int j = i / districts.size();
        LocalDate birth = OLDEST.plusDays(j % DAYS);
        ResidentId id = ResidentId.withCheck(district + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 100 + j / DAYS));
        String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
                + GIVEN[(i / 7) % GIVEN.length];
        Contact contact = new Contact(String.format("139%08d", i), "武汉市测试路" + (i % 999 + 1) + "号", null, null, null, null);
        Person person = Person.of(id, name, district, i % 3 == 0 ? Household.values()[1] : Household.LOCAL, contact);
        Rates first = rates.rates(district, Year.of(from.getYear()));
        int tier = first.pension().tiers().get(i % first.pension().tiers().size());
        List<Enrolment> enrolments = List.of(
                new Enrolment(InsuranceType.PENSION, EnrolmentStatus.PAYING, tier, from, from, null, null),
                new Enrolment(InsuranceType.MEDICAL, EnrolmentStatus.PAYING, null, from, from, null, null));
        return new PersonRecords(person, enrolments, lines(district, tier, i % 4));
    }

    private List<ImportedLine> lines(String district, int tier, int unpaid) {
        List<ImportedLine> lines = new ArrayList<>();
        Rates year = null;
        for (YearMonth m = from; m.isBefore(until); m = m.plusMonths(1)) {
            if (year == null || year.year().getValue() != m.getYear()) {
                year = rates.rates(district, Year.of(m.getYear()));
            }
            LineStatus status = m.isBefore(until.minusMonths(unpaid)) ? LineStatus.PAID
                    : m.isBefore(until.minusMonths(1)) ? LineStatus.ARREARS : LineStatus.DUE;
            for (InsuranceType type : List.of(InsuranceType.PENSION, InsuranceType.MEDICAL, InsuranceType.MAJOR_ILLNESS)) {
                Integer t = type == InsuranceType.PENSION ? tier : null;
                BigDecimal base = year.base(type, t);
                lines.add(new ImportedLine(type, m, base, year.monthly(type, t), status, t, year.year().getValue()));
            }
        }
        return lines;
    }
}
