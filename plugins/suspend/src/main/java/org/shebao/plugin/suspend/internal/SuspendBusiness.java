package org.shebao.plugin.suspend.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Identity;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Records;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.suspend.internal.SuspendRules.TEXTS;

/** 暂停缴费: the ticked paying types stop accruing from the month after approval; months already due stay owed. */
@Component(service = BusinessType.class)
@Business
public class SuspendBusiness implements BusinessType {

    private final Records records;
    private final Districts districts;

    @Activate
    public SuspendBusiness(@Reference Records records, @Reference Districts districts) {
        this.records = records;
        this.districts = districts;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        String login = applicant.account().login();
        List<Field> fields = new ArrayList<>(Identity.fields());
        fields.add(Field.multiSelect("types", TEXTS.t("field.types"), SuspendRules.paying(records.enrolments(login)).stream()
                .map(type -> new Choice(type.code(), type.label())).toList()).asRequired());
        fields.add(Field.text("effectiveFrom", TEXTS.t("field.effectiveFrom")).asReadOnly().asImportant());
        Map<String, Object> values = new LinkedHashMap<>(Identity.of(applicant.account(), records.person(login)).values(districts));
        values.put("effectiveFrom", YearMonth.from(applicant.today()).plusMonths(1).toString());
        return new FormSchema(fields, values);
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return SuspendRules.validate(data, records.enrolments(applicant.account().login()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return SuspendRules.review(SuspendRules.types(task.data()), records.enrolments(task.applicant().login()));
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        YearMonth lastPaying = YearMonth.from(effects.today());
        for (InsuranceType type : SuspendRules.types(task.data())) {
            effects.records().suspend(task.applicant().login(), type, lastPaying);
        }
    }
}
