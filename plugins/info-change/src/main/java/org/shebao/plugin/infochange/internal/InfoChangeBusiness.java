package org.shebao.plugin.infochange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Identity;
import org.shebao.api.records.Person;
import org.shebao.api.records.Records;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.infochange.internal.InfoRules.t;

/** 一般信息变更: contact data (and optionally the photo) of the citizen's record. */
@Component(service = BusinessType.class)
public class InfoChangeBusiness implements BusinessType {

    private final Records records;
    private final String version;

    @Activate
    public InfoChangeBusiness(BundleContext context, @Reference Records records) {
        this.records = records;
        Version v = context.getBundle().getVersion();
        this.version = new Version(v.getMajor(), v.getMinor(), v.getMicro()).toString();
    }

    @Override
    public String id() {
        return "info-change";
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
        Optional<Person> person = records.person(applicant.account().login());
        List<Field> fields = new ArrayList<>(Identity.fields());
        fields.add(Field.text("mobile", t("field.mobile")).asRequired());
        fields.add(Field.text("address", t("field.address")).asRequired());
        fields.add(Field.text("postalCode", t("field.postalCode")));
        fields.add(Field.text("email", t("field.email")));
        fields.add(Field.text("emergencyName", t("field.emergencyName")));
        fields.add(Field.text("emergencyPhone", t("field.emergencyPhone")));
        fields.add(Field.photo("photo", t("field.photo")).asImportant());
        Map<String, Object> values = new LinkedHashMap<>(Identity.of(applicant.account(), person).values());
        person.map(Person::contact).ifPresent(c -> {
            put(values, "mobile", c.mobile());
            put(values, "address", c.address());
            put(values, "postalCode", c.postalCode());
            put(values, "email", c.email());
            put(values, "emergencyName", c.emergencyName());
            put(values, "emergencyPhone", c.emergencyPhone());
        });
        return new FormSchema(fields, values);
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return InfoRules.validate(data, records.person(applicant.account().login()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return InfoRules.review(InfoRules.contact(task.data()), records.person(task.applicant().login()),
                !task.attachmentIds().isEmpty());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        String login = task.applicant().login();
        Contact asked = InfoRules.contact(task.data());
        if (!records.person(login).map(Person::contact).filter(asked::equals).isPresent()) {
            effects.records().changeContact(login, asked);
        }
        if (!task.attachmentIds().isEmpty()) {
            effects.records().changePhoto(login, task.attachmentIds().get(task.attachmentIds().size() - 1));
        }
    }
}
