package org.shebao.plugin.infochange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.i18n.Texts;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Person;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

/**
 * General information change (一般信息变更): only the contact fields BUSINESS.md lists change; identity fields are
 * read-only. A change with a new photo goes to a reviewer, who compares it with the identity record.
 */
final class InfoRules {

    /** The fields a citizen may change (您可以修改以下信息). */
    static final List<String> CHANGEABLE = List.of("mobile", "address", "postalCode", "email", "emergencyName", "emergencyPhone");

    private InfoRules() {
    }

    static final Texts TEXTS = Texts.of(InfoRules.class);

    static Contact contact(FormData data) {
        return new Contact(data.text("mobile").orElse(null), data.text("address").orElse(null),
                data.text("postalCode").orElse(null), data.text("email").orElse(null),
                data.text("emergencyName").orElse(null), data.text("emergencyPhone").orElse(null));
    }

    static List<FieldError> validate(FormData data, Optional<Person> person) {
        List<FieldError> errors = new ArrayList<>();
        if (person.isEmpty()) {
            errors.add(new FieldError("idNumber", TEXTS.t("error.noRecord")));
        }
        errors.addAll(contact(data).errors());
        return errors;
    }

    static Decision review(Contact asked, Optional<Person> person, boolean newPhoto) {
        if (person.isEmpty()) {
            return Decision.returnTask("no-record", TEXTS.t("error.noRecord"));
        }
        if (!asked.errors().isEmpty()) {
            return Decision.returnTask("invalid", asked.errors().get(0).message());
        }
        if (newPhoto) {
            return Decision.refer(TEXTS.t("refer.photo"));
        }
        if (asked.equals(person.get().contact())) {
            return Decision.returnTask("no-change", TEXTS.t("return.noChange"));
        }
        return Decision.approve();
    }
}
