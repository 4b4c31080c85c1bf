package org.shebao.engine.internal.records;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.shebao.api.records.Household;
import org.shebao.api.records.Sex;

/** An insured person (参保人), keyed by the resident ID number. */
@Entity
@Table(name = "SB_PERSON")
public class PersonEntity {

    @Id
    @Column(length = 18)
    String idNumber;

    @Version
    long version;

    @Column(nullable = false, length = 100)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    Sex sex;

    @Column(nullable = false)
    LocalDate birthDate;

    @Column(nullable = false, length = 6)
    String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Household household;

    @Column(length = 20)
    String mobile;

    @Column(length = 200)
    String address;

    @Column(length = 6)
    String postalCode;

    @Column(length = 100)
    String email;

    @Column(length = 100)
    String emergencyName;

    @Column(length = 20)
    String emergencyPhone;

    Long photoId;

    long updatedAt;

    protected PersonEntity() {
    }

    PersonEntity(String idNumber) {
        this.idNumber = idNumber;
    }
}
