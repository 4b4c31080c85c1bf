package org.shebao.api.records;

import java.time.LocalDate;

import org.shebao.api.account.Account;

/**
 * An insured person's record.
 *
 * @param id        the resident ID number; birth date and sex agree with it
 * @param name      name
 * @param sex       sex, as the ID number encodes it
 * @param birthDate birth date, as the ID number encodes it
 * @param district  the district code (GB/T 2260) of the office that serves them
 * @param household household registration
 * @param contact   contact data
 * @param photoId   the attachment holding their photo, or null
 */
public record Person(ResidentId id, String name, Sex sex, LocalDate birthDate, String district, Household household,
        Contact contact, Long photoId) {

    /** A person whose sex and birth date are those of the ID number. */
    public static Person of(ResidentId id, String name, String district, Household household, Contact contact) {
        return new Person(id, name, id.sex(), id.birthDate(), district, household, contact, null);
    }

    /** A new record for a citizen's account (their ID number, name and district). */
    public static Person of(Account account, Household household, Contact contact) {
        return of(new ResidentId(account.login()), account.displayName(), account.district(), household, contact);
    }

    /** Age in whole years on the day. */
    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }
}
