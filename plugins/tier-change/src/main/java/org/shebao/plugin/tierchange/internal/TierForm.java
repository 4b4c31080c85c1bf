package org.shebao.plugin.tierchange.internal;

import static org.shebao.plugin.tierchange.internal.TierRules.TEXTS;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.Rates;

/** The 缴费档次变更 form: the current tier and amount, the new tier among the year's, its amount, from when. */
final class TierForm {

    private TierForm() {
    }

    /** With the rates of the year the change takes effect. */
    static FormSchema schema(List<Enrolment> enrolments, Rates effective, LocalDate today) {
        List<Field> fields = List.of(
                Field.text("currentTier", TEXTS.t("field.currentTier")).asReadOnly(),
                Field.money("currentMonthly", TEXTS.t("field.currentMonthly")),
                Field.select("tier", TEXTS.t("field.tier"), effective.pension().tiers().stream()
                        .map(p -> new Choice(p.toString(), Text.literal(p + "%"))).toList()).asRequired(),
                Field.money("newMonthly", TEXTS.t("field.newMonthly")).asImportant(),
                Field.text("effectiveFrom", TEXTS.t("field.effectiveFrom")).asReadOnly().asImportant());
        Map<String, Object> values = new LinkedHashMap<>();
        TierRules.payingPension(enrolments).map(Enrolment::tierPercent)
                .ifPresent(tier -> values.put("currentTier", tier + "%"));
        values.put("effectiveFrom", TierRules.effectiveFrom(today).toString());
        return new FormSchema(fields, values);
    }
}
