package org.shebao.api.records;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.i18n.Text;

/**
 * What a citizen may change of their record (一般信息变更); blank optional parts are null.
 *
 * @param mobile         mobile phone, {@code ^1[3-9]\d{9}$}
 * @param address        contact address
 * @param postalCode     six digits, optional
 * @param email          optional
 * @param emergencyName  emergency contact, optional
 * @param emergencyPhone emergency contact's phone, optional
 */
public record Contact(String mobile, String address, String postalCode, String email, String emergencyName,
        String emergencyPhone) {

    public static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    public static final Pattern POSTAL_CODE = Pattern.compile("^\\d{6}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,20}$");

    public static final Contact NONE = new Contact(null, null, null, null, null, null);

    /** Blank parts as null, the others trimmed. */
    public Contact {
        mobile = clean(mobile);
        address = clean(address);
        postalCode = clean(postalCode);
        email = clean(email);
        emergencyName = clean(emergencyName);
        emergencyPhone = clean(emergencyPhone);
    }

    /** The parts given, by their form field names (mobile, address, postalCode, email, emergencyName, emergencyPhone). */
    public java.util.Map<String, Object> values() {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, String> put = (key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        };
        put.accept("mobile", mobile);
        put.accept("address", address);
        put.accept("postalCode", postalCode);
        put.accept("email", email);
        put.accept("emergencyName", emergencyName);
        put.accept("emergencyPhone", emergencyPhone);
        return values;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** What is wrong with it, by field name: mobile and address required, the others well formed when given. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            errors.add(new FieldError("mobile", text("contact.mobile")));
        }
        if (address == null) {
            errors.add(new FieldError("address", text("contact.address")));
        } else if (address.length() > 200) {
            errors.add(new FieldError("address", text("contact.tooLong", 200)));
        }
        if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
            errors.add(new FieldError("postalCode", text("contact.postalCode")));
        }
        if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", text("contact.email")));
        }
        if (emergencyName != null && emergencyName.length() > 100) {
            errors.add(new FieldError("emergencyName", text("contact.tooLong", 100)));
        }
        if (emergencyPhone != null && !PHONE.matcher(emergencyPhone).matches()) {
            errors.add(new FieldError("emergencyPhone", text("contact.phone")));
        }
        return errors;
    }

    private static Text text(String key, Object... args) {
        return Text.of(Contact.class, "org.shebao.api.records.messages", key, args);
    }
}
