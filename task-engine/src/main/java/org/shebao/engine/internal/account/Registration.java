package org.shebao.engine.internal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Person;
import org.shebao.api.records.Records;
import org.shebao.engine.internal.Messages;

/**
 * A citizen's own account, opened against the records: the ID number must name a person on record whose name and
 * mobile are the ones given. Every mismatch (unknown ID number, other name, other mobile) is refused with one and the
 * same message, so that the form cannot be used to learn what the records hold.
 */
@Component(service = Registration.class)
public class Registration {

    /** What was asked. */
    public record Request(String idNumber, String name, String mobile, String password) {
    }

    private final Records records;
    private final AccountServiceImpl accounts;

    @Activate
    public Registration(@Reference Records records, @Reference AccountServiceImpl accounts) {
        this.records = records;
        this.accounts = accounts;
    }

    /** Fields missing from the request, by name; empty when all are there. */
    public static List<FieldError> missing(Request request) {
        List<FieldError> errors = new ArrayList<>();
        var required = Messages.text("account.field.required");
        if (request == null || blank(request.idNumber())) {
            errors.add(new FieldError("idNumber", required));
        }
        if (request == null || blank(request.name())) {
            errors.add(new FieldError("name", required));
        }
        if (request == null || blank(request.mobile())) {
            errors.add(new FieldError("mobile", required));
        }
        if (request == null || request.password() == null || request.password().isEmpty()) {
            errors.add(new FieldError("password", required));
        }
        return errors;
    }

    /** Whether the ID number, name and mobile are those of a person on record. */
    public boolean matches(Request request) {
        String id = request.idNumber().trim().toUpperCase(java.util.Locale.ROOT);
        if (request.idNumber().length() > 64 || request.name().length() > 100 || request.mobile().length() > 32) {
            return false;
        }
        Optional<Person> person = records.person(id);
        return person.isPresent() && person.get().name().equals(request.name().trim())
                && person.get().contact() != null && request.mobile().trim().equals(person.get().contact().mobile());
    }

    /**
     * Opens the account of a matching person ({@link #matches} checked first) with the password chosen, which must keep
     * the rules; 409 when the person already has an account.
     */
    public Account open(Request request) {
        Person person = records.person(request.idNumber().trim().toUpperCase(java.util.Locale.ROOT)).orElseThrow();
        String login = person.id().value();
        if (accounts.find(login).isPresent()) {
            throw new ShebaoException(Kind.CONFLICT, "account-exists", Messages.text("account.register.exists"));
        }
        String hash = accounts.newHash(login, request.password().toCharArray());
        return accounts.create(login, person.name(), person.district(), Set.of(Role.CITIZEN), hash, false);
    }

    /** The one refusal of a registration that does not match the records. */
    public static ShebaoException refused() {
        return new ShebaoException(Kind.BAD_INPUT, "registration-refused", Messages.text("account.register.refused"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
