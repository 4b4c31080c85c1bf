package org.shebao.plugin.suspend.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Identity;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Records;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.suspend.internal.SuspendRules.t;

/** 暂停缴费: the ticked paying types stop accruing from the month after approval; months already due stay owed. */
@Component(service = BusinessType.class)
public class SuspendBusiness implements BusinessType {

    private final Records records;
    private final String version;

    @Activate
    public SuspendBusiness(BundleContext context, @Reference Records records) {
        this.records = records;
        Version v = context.getBundle().getVersion();
        this.version = new Version(v.getMajor(), v.getMinor(), v.getMicro()).toString();
    }

    @Override
    public String id() {
        return "suspend";
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
        String login = applicant.account().login();
        List<Field> fields = new ArrayList<>(Identity.fields());
        fields.add(Field.multiSelect("types", t("field.types"), SuspendRules.paying(records.enrolments(login)).stream()
                .map(type -> new Choice(type.code(), type.label())).toList()).asRequired());
        fields.add(Field.text("effectiveFrom", t("field.effectiveFrom")).asReadOnly().asImportant());
        Map<String, Object> values = new LinkedHashMap<>(Identity.of(applicant.account(), records.person(login)).values());
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
