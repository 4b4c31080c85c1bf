package org.shebao.engine.internal.records;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Index;
import javax.persistence.Version;

import org.shebao.api.records.EnrolmentStatus;
import org.shebao.api.records.InsuranceType;

/**
 * A person's enrolment in 110 or 310. Months are {@code yyyymm} integers. The ledger job creates amounts due
 * for the months from {@code payingFrom} to {@code payingUntil} (or the current month while paying).
 */
@Entity
@Table(name = "SB_ENROLMENT", indexes = @Index(name = "SB_ENROLMENT_TYPE", columnList = "IDNUMBER,INSURANCETYPE",
        unique = true))
@TableGenerator(name = "SB_ENROLMENT_ID", table = "SB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXTVALUE",
        pkColumnValue = "ENROLMENT", allocationSize = 20)
public class EnrolmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_ENROLMENT_ID")
    long id;

    @Version
    long version;

    @Column(nullable = false, length = 18)
    String idNumber;

    @Column(nullable = false, length = 3)
    String insuranceType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    EnrolmentStatus status;

    Integer tierPercent;

    int startMonth;

    int payingFrom;

    Integer payingUntil;

    LocalDate tierChangedOn;

    protected EnrolmentEntity() {
    }

    EnrolmentEntity(String idNumber, InsuranceType type) {
        this.idNumber = idNumber;
        this.insuranceType = type.code();
    }

    InsuranceType type() {
        return InsuranceType.ofCode(insuranceType).orElseThrow();
    }

    boolean paying() {
        return status == EnrolmentStatus.PAYING;
    }
}
