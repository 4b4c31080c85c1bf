package org.shebao.plugin.arrearswriteoff.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.arrearswriteoff.internal.WriteOffRules.t;

/** 欠费注销: ticked arrears months are written off on approval, audited and irreversible. */
@Component(service = BusinessType.class)
public class WriteOffBusiness implements BusinessType {

    static final String ID = "arrears-writeoff";

    private final Records records;
    private final String version;

    @Activate
    public WriteOffBusiness(BundleContext context, @Reference Records records) {
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
        List<Choice> types = List.of(InsuranceType.PENSION, InsuranceType.MEDICAL).stream()
                .map(type -> new Choice(type.code(), type.label())).toList();
        List<Column> columns = List.of(Column.of("month", t("column.month"), FieldType.MONTH),
                Column.of("typeName", t("column.type"), FieldType.TEXT),
                Column.of("base", t("column.base"), FieldType.MONEY),
                Column.summed("amount", t("column.amount")));
        return new FormSchema(List.of(
                Field.select("insuranceType", t("field.insuranceType"), types),
                Field.table("lines", t("field.lines"), "/api/plugins/" + ID + "/arrears", columns, 0).asRequired(),
                Field.money("pensionTotal", t("field.pensionTotal")),
                Field.money("medicalTotal", t("field.medicalTotal")),
                Field.money("majorIllnessTotal", t("field.majorIllnessTotal")),
                Field.money("total", t("field.total")).asImportant()), Map.of());
    }

    private Assessment assessNow(String login, FormData data, java.time.LocalDate today) {
        return WriteOffRules.assessment(records.assessLines(login, WriteOffRules.lineIds(data), Set.of(LineStatus.ARREARS), today));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        if (!WriteOffRules.wellFormed(data)) {
            return List.of(new FieldError("lines", t("error.lines")));
        }
        try {
            assessNow(applicant.account().login(), data, applicant.today());
            return List.of();
        } catch (ShebaoException e) {
            return List.of(new FieldError("lines", e.detail()));
        }
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        return WriteOffRules.wellFormed(data) ? assessNow(applicant.account().login(), data, applicant.today()) : Assessment.NONE;
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return WriteOffRules.review(task.assessment(), assessNow(task.applicant().login(), task.data(), applicant.today()));
    }

    /** The ticked arrears months, as they stood when the task was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, java.util.Locale locale) {
        List<Long> ids = WriteOffRules.lineIds(task.data());
        return ids.isEmpty() ? Map.of() : Map.of("lines", records.assessLines(task.applicant().login(), ids,
                Set.of(LineStatus.ARREARS), applicant.today()).lines().stream().map(l -> l.row(locale)).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        effects.records().writeOff(task.applicant().login(), WriteOffRules.lineIds(task.data()), effects.approvedBy(), task.id());
    }
}
