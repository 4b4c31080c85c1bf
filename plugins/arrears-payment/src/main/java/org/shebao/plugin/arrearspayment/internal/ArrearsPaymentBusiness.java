package org.shebao.plugin.arrearspayment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.TEXTS;

/**
 * 欠费补缴: the citizen queries the assessed arrears by type (totals per type, paged details) and picks the types
 * to pay; approval makes all their arrears months payable, for a payment slip (生成欠费补缴单).
 */
@Component(service = BusinessType.class)
@Business
public class ArrearsPaymentBusiness implements BusinessType {

    private final Records records;

    @Activate
    public ArrearsPaymentBusiness(@Reference Records records) {
        this.records = records;
    }

    static List<Column> lineColumns() {
        return List.of(Column.of("month", TEXTS.t("column.month"), FieldType.MONTH),
                Column.of("typeName", TEXTS.t("column.type"), FieldType.TEXT),
                Column.of("base", TEXTS.t("column.base"), FieldType.MONEY),
                Column.summed("amount", TEXTS.t("column.amount")),
                Column.summed("lateFee", TEXTS.t("column.lateFee")),
                Column.summed("total", TEXTS.t("column.total")));
    }

    @Override
    public FormSchema form(Applicant applicant) {
        List<Choice> types = ArrearsRules.PICKABLE.stream().map(type -> new Choice(type.code(), type.label())).toList();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.select("insuranceType", TEXTS.t("field.insuranceType"), types));
        fields.add(Field.table("arrears", TEXTS.t("field.arrears"), "arrears", lineColumns(), 10)
                .asReadOnly().asQueried());
        fields.add(Field.multiSelect("types", TEXTS.t("field.types"), types).asRequired());
        fields.add(Field.money("pensionTotal", TEXTS.t("field.pensionTotal")));
        fields.add(Field.money("medicalTotal", TEXTS.t("field.medicalTotal")));
        fields.add(Field.money("total", TEXTS.t("field.total")).asImportant());
        return new FormSchema(fields, Map.of());
    }

    private List<LedgerLine> arrears(String login, LocalDate day) {
        return records.lines(login, LineQuery.in(LineStatus.ARREARS), day);
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        List<FieldError> errors = new ArrayList<>();
        List<InsuranceType> picked = ArrearsRules.types(data);
        if (picked.isEmpty()) {
            errors.add(new FieldError("types", TEXTS.t("error.types")));
        }
        List<LedgerLine> arrears = arrears(applicant.account().login(), applicant.today());
        for (InsuranceType type : picked) {
            if (arrears.stream().noneMatch(l -> l.type().enrolment() == type)) {
                errors.add(new FieldError("types", TEXTS.t("error.noArrears", type.label())));
            }
        }
        return errors;
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        return ArrearsRules.assess(ArrearsRules.types(data), arrears(applicant.account().login(), applicant.today()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        List<InsuranceType> picked = ArrearsRules.types(task.data());
        return ArrearsRules.review(picked, task.assessment(), ArrearsRules.assess(picked, arrears(task.applicant().login(), applicant.today())));
    }

    /** The arrears of the picked types, as they stood when the task was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        List<InsuranceType> picked = ArrearsRules.types(task.data());
        return Map.of("arrears", arrears(task.applicant().login(), applicant.today()).stream()
                .filter(l -> picked.contains(l.type().enrolment())).map(l -> l.row(locale)).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        String login = task.applicant().login();
        List<Long> lines = ArrearsRules.lineIds(ArrearsRules.types(task.data()), arrears(login, effects.today()));
        effects.records().move(login, lines, LineStatus.ARREARS, LineStatus.PAYABLE);
    }
}
