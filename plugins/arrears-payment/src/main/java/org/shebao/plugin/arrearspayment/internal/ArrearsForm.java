package org.shebao.plugin.arrearspayment.internal;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.TEXTS;

import java.util.List;
import java.util.Map;

import org.shebao.api.form.Choice;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;

/** The 欠费补缴 form: the type filter, the queried arrears table (its rows from {@code arrears}), the types to pay. */
final class ArrearsForm {

    private ArrearsForm() {
    }

    static FormSchema schema() {
        List<Choice> types = ArrearsRules.PICKABLE.stream().map(type -> new Choice(type.code(), type.label())).toList();
        return new FormSchema(List.of(
                Field.select("insuranceType", TEXTS.t("field.insuranceType"), types),
                Field.table("arrears", TEXTS.t("field.arrears"), "arrears", columns(), 10).asReadOnly().asQueried(),
                Field.multiSelect("types", TEXTS.t("field.types"), types).asRequired(),
                Field.money("pensionTotal", TEXTS.t("field.pensionTotal")),
                Field.money("medicalTotal", TEXTS.t("field.medicalTotal")),
                Field.money("total", TEXTS.t("field.total")).asImportant()), Map.of());
    }

    private static List<Column> columns() {
        return List.of(Column.of("month", TEXTS.t("column.month"), FieldType.MONTH),
                Column.of("typeName", TEXTS.t("column.type"), FieldType.TEXT),
                Column.of("base", TEXTS.t("column.base"), FieldType.MONEY),
                Column.summed("amount", TEXTS.t("column.amount")),
                Column.summed("lateFee", TEXTS.t("column.lateFee")),
                Column.summed("total", TEXTS.t("column.total")));
    }
}
