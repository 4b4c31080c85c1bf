package org.shebao.plugin.jianganpilot.internal;

import static org.shebao.plugin.jianganpilot.internal.PilotRules.TEXTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Identity;

/** The pilot's form: the applicant's identity (read-only), the month the cover starts and its monthly amount. */
final class PilotForm {

    private PilotForm() {
    }

    static FormSchema schema(Identity identity, Districts districts, LocalDate today) {
        List<Field> fields = new ArrayList<>(Identity.fields());
        fields.add(Field.text("startMonth", TEXTS.t("field.startMonth")).asReadOnly().asImportant());
        fields.add(Field.money("medicalMonthly", TEXTS.t("field.medicalMonthly")).asImportant());
        Map<String, Object> values = new LinkedHashMap<>(identity.values(districts));
        values.put("startMonth", PilotRules.startMonth(today).toString());
        return new FormSchema(fields, values);
    }
}
