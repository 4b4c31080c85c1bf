package org.shebao.itests.plugin;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.Charge;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.RecordsWriter;
import org.shebao.api.records.ResidentId;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

/**
 * A test business ({@code it-records}) whose approval runs the records writes its data lists, in order, in the
 * approval's transaction: {@code enrol:110:60:2026-11}, {@code suspend:310:2026-11}, {@code tier:80:2026-12},
 * {@code contact:13900000000:address}, {@code photo:<attachmentId>}, {@code payable:<id>,<id>},
 * {@code writeoff:<id>,<id>}, {@code gaps:2022-03,2022-04}.
 */
@Component(service = BusinessType.class)
@Business(id = "it-records")
public class RecordsProbe implements BusinessType {




    @Override
    public FormSchema form(Applicant applicant) {
        return FormSchema.of(List.of(Field.multiSelect("ops", Text.literal("ops"), List.of()).asRequired()));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return data.list("ops").isEmpty() ? List.of(new FieldError("ops", Text.literal("ops"))) : List.of();
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return Decision.approve();
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        RecordsWriter records = effects.records();
        String id = task.applicant().login();
        for (String op : task.data().list("ops")) {
            String[] a = op.split(":", -1);
            switch (a[0]) {
                case "enrol" -> records.enrol(Person.of(new ResidentId(id), task.applicant().displayName(),
                        task.applicant().district(), Household.LOCAL, Contact.NONE), type(a[1]),
                        a[2].isEmpty() ? null : Integer.valueOf(a[2]), YearMonth.parse(a[3]));
                case "suspend" -> records.suspend(id, type(a[1]), YearMonth.parse(a[2]));
                case "tier" -> records.setTier(id, Integer.parseInt(a[1]), YearMonth.parse(a[2]), effects.today());
                case "contact" -> records.changeContact(id, new Contact(a[1], a[2], null, null, null, null));
                case "photo" -> records.changePhoto(id, Long.parseLong(a[1]));
                case "payable" -> records.move(id, ids(a[1]), LineStatus.ARREARS, LineStatus.PAYABLE);
                case "writeoff" -> records.move(id, ids(a[1]), LineStatus.ARREARS, LineStatus.WRITTEN_OFF);
                // charge:<month>,<month>…: each month charged 815.40 with 10.00 interest, at its own year's rates
                case "charge" -> records.charge(id, Arrays.stream(a[1].split(",")).map(YearMonth::parse)
                        .map(m -> new Charge(InsuranceType.PENSION, m, 60, new BigDecimal("4077"), new BigDecimal("815.40"),
                                new BigDecimal("10.00"), m.getYear(), null)).toList());
                default -> throw new IllegalArgumentException(op);
            }
        }
    }

    private static InsuranceType type(String code) {
        return InsuranceType.ofCode(code).orElseThrow();
    }

    private static List<Long> ids(String csv) {
        return Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
    }
}
