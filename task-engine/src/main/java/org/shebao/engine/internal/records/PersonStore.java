package org.shebao.engine.internal.records;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.records.Contact;
import org.shebao.api.records.Person;
import org.shebao.api.records.ResidentId;
import org.shebao.engine.internal.Messages;

/** Persons (参保人): identity, contact data and photo, on the caller's entity manager. */
@Component(service = PersonStore.class)
public class PersonStore {

    private final Clock clock;

    @Activate
    public PersonStore(@Reference Clock clock) {
        this.clock = clock;
    }

    Optional<Person> person(EntityManager em, String idNumber) {
        return Optional.ofNullable(idNumber == null ? null : em.find(PersonEntity.class, idNumber)).map(PersonStore::toPerson);
    }

    PersonEntity require(EntityManager em, String idNumber) {
        PersonEntity p = idNumber == null ? null : em.find(PersonEntity.class, idNumber);
        if (p == null) {
            throw new ShebaoException(Kind.NOT_FOUND, "person-missing", Messages.text("records.person.missing", idNumber));
        }
        return p;
    }

    /** Creates or replaces the person's record; refused when sex or birth date contradict the ID number. */
    void register(EntityManager em, Person person, Actor actor) {
        check(person);
        PersonEntity p = em.find(PersonEntity.class, person.id().value());
        boolean created = p == null;
        if (created) {
            p = new PersonEntity(person.id().value());
        }
        p.name = person.name().trim();
        p.sex = person.sex();
        p.birthDate = person.birthDate();
        p.district = person.district();
        p.household = person.household();
        p.photoId = person.photoId();
        p.updatedAt = clock.millis();
        copy(p, person.contact() == null ? Contact.NONE : person.contact());
        if (created) {
            em.persist(p);
        }
        actor.audit(em, p.idNumber, created ? "PERSON_CREATED" : "PERSON_REPLACED", null, clock.millis());
    }

    /** Refuses a person whose sex or birth date contradict the ID, without a name, or of no six-digit district. */
    static void check(Person person) {
        if (person.sex() != person.id().sex() || !person.birthDate().equals(person.id().birthDate())) {
            throw new ShebaoException(Kind.BAD_INPUT, "person-mismatch", Messages.text("records.person.mismatch"));
        }
        if (person.name() == null || person.name().isBlank() || person.district() == null
                || !person.district().matches("\\d{6}")) {
            throw new ShebaoException(Kind.BAD_INPUT, "person-invalid", Messages.text("records.person.invalid"));
        }
    }

    void changeContact(EntityManager em, String idNumber, Contact contact, Actor actor) {
        List<FieldError> errors = contact.errors();
        if (!errors.isEmpty()) {
            throw new ShebaoException(Kind.BAD_INPUT, "contact-invalid", Messages.text("records.contact.invalid"), errors);
        }
        PersonEntity p = require(em, idNumber);
        String before = describe(p);
        copy(p, contact);
        p.updatedAt = clock.millis();
        actor.audit(em, idNumber, "CONTACT", before + " -> " + describe(p), clock.millis());
    }

    void changePhoto(EntityManager em, String idNumber, long attachmentId, Actor actor) {
        PersonEntity p = require(em, idNumber);
        Long found = em.createQuery("SELECT COUNT(a) FROM AttachmentEntity a WHERE a.id = :id", Long.class)
                .setParameter("id", attachmentId).getSingleResult();
        if (found == 0) {
            throw new ShebaoException(Kind.CONFLICT, "photo-missing", Messages.text("records.photo.missing", String.valueOf(attachmentId)));
        }
        Long before = p.photoId;
        p.photoId = attachmentId;
        p.updatedAt = clock.millis();
        actor.audit(em, idNumber, "PHOTO", before + " -> " + attachmentId, clock.millis());
    }

    private static void copy(PersonEntity p, Contact c) {
        p.mobile = c.mobile();
        p.address = c.address();
        p.postalCode = c.postalCode();
        p.email = c.email();
        p.emergencyName = c.emergencyName();
        p.emergencyPhone = c.emergencyPhone();
    }

    private static String describe(PersonEntity p) {
        return String.join("|", String.valueOf(p.mobile), String.valueOf(p.address), String.valueOf(p.postalCode),
                String.valueOf(p.email), String.valueOf(p.emergencyName), String.valueOf(p.emergencyPhone));
    }

    static Person toPerson(PersonEntity p) {
        return new Person(new ResidentId(p.idNumber), p.name, p.sex, p.birthDate, p.district, p.household,
                new Contact(p.mobile, p.address, p.postalCode, p.email, p.emergencyName, p.emergencyPhone), p.photoId);
    }
}
