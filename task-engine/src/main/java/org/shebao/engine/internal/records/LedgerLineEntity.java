package org.shebao.engine.internal.records;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One line of the monthly ledger: person × type × month, unique. Gaps are the months without a covering line;
 * they are derived, never stored.
 */
@Entity
@Table(name = "SB_LEDGER", indexes = {
        @Index(name = "SB_LEDGER_MONTH", columnList = "IDNUMBER,INSURANCETYPE,CONTRIBUTIONMONTH", unique = true),
        @Index(name = "SB_LEDGER_STATUS", columnList = "STATUS,CONTRIBUTIONMONTH")})
@TableGenerator(name = "SB_LEDGER_ID", table = "SB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXTVALUE",
        pkColumnValue = "LEDGER", allocationSize = 200)
public class LedgerLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_LEDGER_ID")
    long id;

    @Version
    long version;

    @Column(nullable = false, length = 18)
    String idNumber;

    @Column(nullable = false, length = 3)
    String insuranceType;

    /** {@code yyyymm}. */
    int contributionMonth;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal base;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal amount;

    /** Interest charged on a back-paid gap month. */
    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal interest = BigDecimal.ZERO;

    @Column(nullable = false, length = 16)
    String status;

    /** {@code LEDGER} for an amount due of the month, {@code GAP} for a back-paid pension gap (no late fee). */
    @Column(nullable = false, length = 8)
    String origin = "LEDGER";

    @Column(length = 24)
    String voucherNo;

    @Column(length = 64)
    String paymentRef;

    long updatedAt;

    protected LedgerLineEntity() {
    }

    LedgerLineEntity(String idNumber, String insuranceType, int month, BigDecimal base, BigDecimal amount,
            String status, long now) {
        this.idNumber = idNumber;
        this.insuranceType = insuranceType;
        this.contributionMonth = month;
        this.base = base;
        this.amount = amount;
        this.status = status;
        this.updatedAt = now;
    }
}
