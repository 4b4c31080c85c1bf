package org.shebao.plugin.gappayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.GapCharge;
import org.shebao.api.records.GapMonth;
import org.shebao.api.records.Records;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.gappayment.internal.GapRules.t;

/** 养老保险中断补缴: ticked pension gap months become payable (then a payment slip settles them). */
@Component(service = BusinessType.class)
public class GapPaymentBusiness implements BusinessType {

    static final String ID = "gap-payment";

    private final Records records;
    private final String version;

    @Activate
    public GapPaymentBusiness(BundleContext context, @Reference Records records) {
        this.records = records;
        Version v = context.getBundle().getVersion();
        this.version = new Version(v.getMajor(), v.getMinor(), v.getMicro()).toString();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Text name() {
        return t("name");
    }

    @Override
    public FormSchema form(Applicant applicant) {
        List<Column> columns = List.of(Column.of("from", t("column.from"), FieldType.MONTH),
                Column.of("to", t("column.to"), FieldType.MONTH),
                Column.of("months", t("column.months"), FieldType.TEXT),
                Column.summed("amount", t("column.amount")),
                Column.summed("interest", t("column.interest")),
                Column.summed("total", t("column.total")));
        return new FormSchema(List.of(
                Field.month("from", t("field.from")).withRange(null, YearMonth.from(applicant.today()).minusMonths(1).toString()),
                Field.table("periods", t("field.periods"), "/api/plugins/" + ID + "/gaps", columns, 0).asRequired(),
                Field.money("amount", t("field.amount")),
                Field.money("interest", t("field.interest")),
                Field.money("total", t("field.total")).asImportant()), Map.of());
    }

    private Assessment assessNow(String login, List<YearMonth> months, LocalDate today) {
        return GapRules.assessment(records.assessGaps(login, months, today));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        List<YearMonth> months = GapRules.months(data).orElse(List.of());
        if (months.isEmpty()) {
            return List.of(new FieldError("periods", t("error.months")));
        }
        try {
            assessNow(applicant.account().login(), months, applicant.today());
            return List.of();
        } catch (ShebaoException e) {
            return List.of(new FieldError("periods", e.detail()));
        }
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        List<YearMonth> months = GapRules.months(data).orElse(List.of());
        return months.isEmpty() ? Assessment.NONE : assessNow(applicant.account().login(), months, applicant.today());
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return GapRules.review(task.assessment(),
                assessNow(task.applicant().login(), GapRules.months(task.data()).orElse(List.of()), applicant.today()));
    }

    /** The ticked periods as assessed now: the rows the task showed when it was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        List<YearMonth> months = GapRules.months(task.data()).orElse(List.of());
        if (months.isEmpty()) {
            return Map.of();
        }
        Map<YearMonth, GapCharge> charges = new HashMap<>();
        records.assessGaps(task.applicant().login(), months, applicant.today()).months().forEach(c -> charges.put(c.month(), c));
        List<GapMonth> ticked = months.stream().map(m -> new GapMonth(m, true)).toList();
        return Map.of("periods", GapPeriods.of(ticked, charges).stream().map(GapPeriods::row).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        effects.records().makeGapsPayable(task.applicant().login(), GapRules.months(task.data()).orElseThrow(), effects.today());
    }
}
