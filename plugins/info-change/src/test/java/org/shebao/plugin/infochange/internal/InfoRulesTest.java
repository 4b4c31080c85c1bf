package org.shebao.plugin.infochange.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Household;
import org.shebao.api.records.Person;
import org.shebao.api.records.ResidentId;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

public class InfoRulesTest {

    static final Person LI_NA = Person.of(new ResidentId("420106198507220220"), "李娜", "420106", Household.LOCAL,
            new Contact("13800000002", "武汉市武昌区中北路 200 号", "430000", null, null, null));

    static FormData form(String mobile, String address, String postalCode, String email) {
        return FormData.of(Map.of("mobile", mobile, "address", address, "postalCode", postalCode, "email", email,
                "name", "改名", "idNumber", "11010519491231002X"));
    }

    @Test
    public void identityFieldsAreNotRead() {
        Contact c = InfoRules.contact(form("13900000000", "新地址", "", ""));
        assertEquals(new Contact("13900000000", "新地址", null, null, null, null), c);
        assertEquals(List.of("mobile", "address", "postalCode", "email", "emergencyName", "emergencyPhone"), InfoRules.CHANGEABLE);
    }

    @Test
    public void mobileAndTheOtherFieldsAreValidated() {
        List<FieldError> errors = InfoRules.validate(form("23900000000", " ", "4300", "not-an-email"), Optional.of(LI_NA));
        assertEquals(List.of("mobile", "address", "postalCode", "email"), errors.stream().map(FieldError::field).toList());
        assertTrue(InfoRules.validate(form("13900000000", "新地址", "430000", "li@example.cn"), Optional.of(LI_NA)).isEmpty());
        assertEquals("idNumber", InfoRules.validate(form("13900000000", "新地址", "", ""), Optional.empty()).get(0).field());
    }

    @Test
    public void aNewPhotoGoesToAReviewerOtherChangesAreApproved() {
        Contact changed = new Contact("13900000000", "武汉市武昌区中北路 200 号", "430000", null, null, null);
        assertTrue(InfoRules.review(changed, Optional.of(LI_NA), true) instanceof Decision.Refer);
        assertTrue(InfoRules.review(changed, Optional.of(LI_NA), false) instanceof Decision.Approve);
        assertEquals("no-change", ((Decision.Return) InfoRules.review(LI_NA.contact(), Optional.of(LI_NA), false)).code());
        assertTrue(InfoRules.review(LI_NA.contact(), Optional.of(LI_NA), true) instanceof Decision.Refer);
    }
}
