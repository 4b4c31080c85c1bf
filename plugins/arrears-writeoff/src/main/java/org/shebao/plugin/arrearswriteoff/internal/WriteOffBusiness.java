package org.shebao.plugin.arrearswriteoff.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.shebao.api.records.InsuranceType;
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

import static org.shebao.plugin.arrearswriteoff.internal.WriteOffRules.TEXTS;

/** 欠费注销: ticked arrears months are written off on approval, audited and irreversible. */
@Component(service = BusinessType.class)
@Business
public class WriteOffBusiness implements BusinessType {

    private final Records records;

    @Activate
    public WriteOffBusiness(@Reference Records records) {
        this.records = records;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        List<Choice> types = List.of(InsuranceType.PENSION, InsuranceType.MEDICAL).stream()
                .map(type -> new Choice(type.code(), type.label())).toList();
        List<Column> columns = List.of(Column.of("month", TEXTS.t("column.month"), FieldType.MONTH),
                Column.of("typeName", TEXTS.t("column.type"), FieldType.TEXT),
                Column.of("base", TEXTS.t("column.base"), FieldType.MONEY),
                Column.summed("amount", TEXTS.t("column.amount")));
        return new FormSchema(List.of(
                Field.select("insuranceType", TEXTS.t("field.insuranceType"), types),
                Field.table("lines", TEXTS.t("field.lines"), "arrears", columns, 0).asRequired(),
                Field.money("pensionTotal", TEXTS.t("field.pensionTotal")),
                Field.money("medicalTotal", TEXTS.t("field.medicalTotal")),
                Field.money("majorIllnessTotal", TEXTS.t("field.majorIllnessTotal")),
                Field.money("total", TEXTS.t("field.total")).asImportant()), Map.of());
    }

    private Assessment assessNow(String login, FormData data, java.time.LocalDate today) {
        return WriteOffRules.assessment(records.chosen(login, WriteOffRules.lineIds(data), Set.of(LineStatus.ARREARS), today));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        if (!WriteOffRules.wellFormed(data)) {
            return List.of(new FieldError("lines", TEXTS.t("error.lines")));
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
        return ids.isEmpty() ? Map.of() : Map.of("lines", records.chosen(task.applicant().login(), ids,
                Set.of(LineStatus.ARREARS), applicant.today()).stream().map(l -> l.row(locale)).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        effects.records().move(task.applicant().login(), WriteOffRules.lineIds(task.data()), LineStatus.ARREARS,
                LineStatus.WRITTEN_OFF);
    }
}
