package org.shebao.engine.internal.certificate;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * A contribution certificate (参保缴费证明) as issued: a snapshot of the paid periods, never recomputed, found by its
 * verification code.
 */
@Entity
@Table(name = "SB_CERTIFICATE", indexes = @Index(name = "SB_CERTIFICATE_PERSON", columnList = "IDNUMBER"))
public class CertificateEntity {

    @Id
    @Column(length = 32)
    String code;

    @Column(nullable = false, length = 18)
    String idNumber;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false, length = 6)
    String district;

    @Column(nullable = false)
    LocalDate issuedOn;

    @Column(nullable = false)
    LocalDate validUntil;

    /** The periods, one per line ({@link PaidPeriod#encode()}). */
    @Lob
    @Column(nullable = false)
    String periods;

    long createdAt;

    protected CertificateEntity() {
    }

    CertificateEntity(String code, String idNumber, String name, String district, LocalDate issuedOn,
            LocalDate validUntil, String periods, long createdAt) {
        this.code = code;
        this.idNumber = idNumber;
        this.name = name;
        this.district = district;
        this.issuedOn = issuedOn;
        this.validUntil = validUntil;
        this.periods = periods;
        this.createdAt = createdAt;
    }
}
