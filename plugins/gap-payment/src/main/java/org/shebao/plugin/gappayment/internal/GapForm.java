package org.shebao.plugin.gappayment.internal;

import static org.shebao.plugin.gappayment.internal.GapRules.TEXTS;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;

/** The 中断补缴 form: from which month, the interruption periods to tick (rows from {@code gaps}), the amounts. */
final class GapForm {

    private GapForm() {
    }

    static FormSchema schema(YearMonth current) {
        List<Column> columns = List.of(Column.of("from", TEXTS.t("column.from"), FieldType.MONTH),
                Column.of("to", TEXTS.t("column.to"), FieldType.MONTH),
                Column.of("months", TEXTS.t("column.months"), FieldType.TEXT),
                Column.summed("amount", TEXTS.t("column.amount")),
                Column.summed("interest", TEXTS.t("column.interest")),
                Column.summed("total", TEXTS.t("column.total")));
        return new FormSchema(List.of(
                Field.month("from", TEXTS.t("field.from")).withRange(null, current.minusMonths(1).toString()),
                Field.table("periods", TEXTS.t("field.periods"), "gaps", columns, 0).asRequired(),
                Field.money("amount", TEXTS.t("field.amount")),
                Field.money("interest", TEXTS.t("field.interest")),
                Field.money("total", TEXTS.t("field.total")).asImportant()), Map.of());
    }
}
