package org.shebao.plugin.infochange.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Identity;
import org.shebao.api.records.Person;
import org.shebao.api.records.Records;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.ReturnReason;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.infochange.internal.InfoRules.TEXTS;

/** 一般信息变更: contact data (and optionally the photo) of the citizen's record. */
@Component(service = BusinessType.class)
@Business
public class InfoChangeBusiness implements BusinessType {

    private final Records records;
    private final Districts districts;

    @Activate
    public InfoChangeBusiness(@Reference Records records, @Reference Districts districts) {
        this.records = records;
        this.districts = districts;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        Optional<Person> person = records.person(applicant.account().login());
        return InfoForm.schema(Identity.of(applicant.account(), person), person.map(Person::contact), districts);
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
    public List<ReturnReason> returnReasons() {
        return List.of(new ReturnReason("ID_PHOTO", TEXTS.t("reason.ID_PHOTO")));
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
