package org.shebao.plugin.infochange.internal;

import static org.shebao.plugin.infochange.internal.InfoRules.TEXTS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Identity;

/** The 个人信息变更 form: the identity (read-only), the contact data as recorded, a new photo. */
final class InfoForm {

    private InfoForm() {
    }

    static FormSchema schema(Identity identity, Optional<Contact> contact, Districts districts) {
        List<Field> fields = new ArrayList<>(Identity.fields());
        fields.add(Field.text("mobile", TEXTS.t("field.mobile")).withMaxLength(20).asRequired());
        fields.add(Field.text("address", TEXTS.t("field.address")).withMaxLength(100).asRequired());
        fields.add(Field.text("postalCode", TEXTS.t("field.postalCode")).withMaxLength(10));
        fields.add(Field.text("email", TEXTS.t("field.email")).withMaxLength(100));
        fields.add(Field.text("emergencyName", TEXTS.t("field.emergencyName")).withMaxLength(30));
        fields.add(Field.text("emergencyPhone", TEXTS.t("field.emergencyPhone")).withMaxLength(20));
        fields.add(Field.photo("photo", TEXTS.t("field.photo")).asImportant());
        Map<String, Object> values = new LinkedHashMap<>(identity.values(districts));
        contact.ifPresent(c -> values.putAll(c.values()));
        return new FormSchema(fields, values);
    }
}
