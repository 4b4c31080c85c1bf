package org.shebao.plugin.arrearswriteoff.internal;

import static org.shebao.plugin.arrearswriteoff.internal.WriteOffRules.TEXTS;

import java.util.List;
import java.util.Map;

import org.shebao.api.form.Choice;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.InsuranceType;

/** The 欠费注销 form: the type filter, the arrears months to tick (rows from {@code arrears}), the totals. */
final class WriteOffForm {

    private WriteOffForm() {
    }

    static FormSchema schema() {
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
}
