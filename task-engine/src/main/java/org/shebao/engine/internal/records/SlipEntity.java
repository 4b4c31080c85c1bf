package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.shebao.api.records.SlipStatus;

/** A payment slip (缴费凭单). Its lines are kept as charged ({@link SlipLineEntity}), whatever becomes of them. */
@Entity
@Table(name = "SB_SLIP", indexes = {@Index(name = "SB_SLIP_PERSON", columnList = "IDNUMBER"),
        @Index(name = "SB_SLIP_STATUS", columnList = "STATUS,VALIDUNTIL")})
public class SlipEntity {

    @Id
    @Column(length = 24)
    String voucherNo;

    @Version
    long version;

    @Column(nullable = false, length = 18)
    String idNumber;

    @Column(nullable = false)
    LocalDate issuedOn;

    @Column(nullable = false)
    LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    SlipStatus status;

    @Column(nullable = false, precision = 14, scale = 2)
    BigDecimal total;

    @Column(length = 64)
    String paymentRef;

    LocalDate closedOn;

    @Column(length = 64)
    String closedBy;

    protected SlipEntity() {
    }

    SlipEntity(String voucherNo, String idNumber, LocalDate issuedOn, LocalDate validUntil, BigDecimal total) {
        this.voucherNo = voucherNo;
        this.idNumber = idNumber;
        this.issuedOn = issuedOn;
        this.validUntil = validUntil;
        this.total = total;
        this.status = SlipStatus.ISSUED;
    }
}
