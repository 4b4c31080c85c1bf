package org.shebao.plugin.arrearspayment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.t;

/**
 * 欠费补缴: the citizen queries the assessed arrears by type (totals per type, paged details) and picks the types
 * to pay; approval makes all their arrears months payable, for a payment slip (生成欠费补缴单).
 */
@Component(service = BusinessType.class)
public class ArrearsPaymentBusiness implements BusinessType {

    static final String ID = "arrears-payment";

    private final Records records;
    private final String version;

    @Activate
    public ArrearsPaymentBusiness(BundleContext context, @Reference Records records) {
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

    static List<Column> lineColumns() {
        return List.of(Column.of("month", t("column.month"), FieldType.MONTH),
                Column.of("typeName", t("column.type"), FieldType.TEXT),
                Column.of("base", t("column.base"), FieldType.MONEY),
                Column.summed("amount", t("column.amount")),
                Column.summed("lateFee", t("column.lateFee")),
                Column.summed("total", t("column.total")));
    }

    @Override
    public FormSchema form(Applicant applicant) {
        List<Choice> types = ArrearsRules.PICKABLE.stream().map(type -> new Choice(type.code(), type.label())).toList();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.select("insuranceType", t("field.insuranceType"), types));
        fields.add(Field.table("arrears", t("field.arrears"), "/api/plugins/" + ID + "/arrears", lineColumns(), 10)
                .asReadOnly().asQueried());
        fields.add(Field.multiSelect("types", t("field.types"), types).asRequired());
        fields.add(Field.money("pensionTotal", t("field.pensionTotal")));
        fields.add(Field.money("medicalTotal", t("field.medicalTotal")));
        fields.add(Field.money("total", t("field.total")).asImportant());
        return new FormSchema(fields, Map.of());
    }

    private List<LedgerLine> arrears(String login, Applicant applicant) {
        return records.lines(login, Set.of(LineStatus.ARREARS), Optional.empty(), Optional.empty(), applicant.today());
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        List<FieldError> errors = new ArrayList<>();
        List<InsuranceType> picked = ArrearsRules.types(data);
        if (picked.isEmpty()) {
            errors.add(new FieldError("types", t("error.types")));
        }
        List<LedgerLine> arrears = arrears(applicant.account().login(), applicant);
        for (InsuranceType type : picked) {
            if (arrears.stream().noneMatch(l -> l.type().enrolment() == type)) {
                errors.add(new FieldError("types", t("error.noArrears", type.label())));
            }
        }
        return errors;
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        return ArrearsRules.assess(ArrearsRules.types(data), arrears(applicant.account().login(), applicant));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        List<InsuranceType> picked = ArrearsRules.types(task.data());
        return ArrearsRules.review(picked, task.assessment(), ArrearsRules.assess(picked, arrears(task.applicant().login(), applicant)));
    }

    /** The arrears of the picked types, as they stood when the task was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        List<InsuranceType> picked = ArrearsRules.types(task.data());
        return Map.of("arrears", arrears(task.applicant().login(), applicant).stream()
                .filter(l -> picked.contains(l.type().enrolment())).map(l -> l.row(locale)).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        String login = task.applicant().login();
        List<LedgerLine> arrears = records.lines(login, Set.of(LineStatus.ARREARS), Optional.empty(), Optional.empty(), effects.today());
        effects.records().makePayable(login, ArrearsRules.lineIds(ArrearsRules.types(task.data()), arrears));
    }
}
