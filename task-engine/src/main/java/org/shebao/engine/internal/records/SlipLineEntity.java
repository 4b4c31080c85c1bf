package org.shebao.engine.internal.records;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.shebao.api.records.LineKind;

/** A line of a slip as charged when it was issued. */
@Entity
@Table(name = "SB_SLIP_LINE", indexes = @Index(name = "SB_SLIP_LINE_SLIP", columnList = "VOUCHERNO"))
@TableGenerator(name = "SB_SLIP_LINE_ID", table = "SB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXTVALUE",
        pkColumnValue = "SLIP_LINE", allocationSize = 100)
public class SlipLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_SLIP_LINE_ID")
    long id;

    @Column(nullable = false, length = 24)
    String voucherNo;

    long lineId;

    @Column(nullable = false, length = 3)
    String insuranceType;

    int contributionMonth;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal base;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal amount;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal lateFee;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal interest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    LineKind kind = LineKind.REGULAR;

    int ratesYear;

    boolean provisional;

    protected SlipLineEntity() {
    }

    SlipLineEntity(String voucherNo, LedgerLineEntity line, BigDecimal lateFee) {
        this.voucherNo = voucherNo;
        this.lineId = line.id;
        this.insuranceType = line.insuranceType;
        this.contributionMonth = line.contributionMonth;
        this.base = line.base;
        this.amount = line.amount;
        this.lateFee = lateFee;
        this.interest = line.interest;
        this.kind = line.kind;
        this.ratesYear = line.ratesYear;
        this.provisional = line.provisionalFor != null;
    }
}
