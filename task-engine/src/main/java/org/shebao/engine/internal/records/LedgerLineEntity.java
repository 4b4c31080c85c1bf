package org.shebao.engine.internal.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

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
import javax.persistence.Version;

import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LineKind;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Rates;

/**
 * One line of the monthly ledger: person × type × month, unique. Gaps are the months without a covering line;
 * they are derived, never stored.
 */
@Entity
@Table(name = "SB_LEDGER", indexes = {
        @Index(name = "SB_LEDGER_MONTH", columnList = "IDNUMBER,CONTRIBUTIONMONTH DESC,INSURANCETYPE,KIND DESC",
                unique = true),
        @Index(name = "SB_LEDGER_STATUS", columnList = "STATUS,DUEMONTH"),
        @Index(name = "SB_LEDGER_PROVISIONAL", columnList = "PROVISIONALFOR"),
        @Index(name = "SB_LEDGER_VOUCHER", columnList = "VOUCHERNO")})
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    LineStatus status;

    /** {@code LEDGER} for an amount due of the month, {@code GAP} for a month charged for back-payment (no late fee). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    Origin origin = Origin.LEDGER;

    @Column(length = 24)
    String voucherNo;

    @Column(length = 64)
    String paymentRef;

    /** The local day it was paid on, once PAID by a payment. */
    LocalDate paidOn;

    long updatedAt;

    /** {@code REGULAR} for the month's contribution, {@code DIFFERENCE} or {@code CREDIT} after re-rating. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    LineKind kind = LineKind.REGULAR;

    /** The pension tier the amount was computed at (110 only). */
    Integer tierPercent;

    /** The year of the rates row the amount was computed with. */
    int ratesYear;

    /** The year whose rates were missing when the amount was computed provisionally; null once rated for good. */
    Integer provisionalFor;

    /** {@code yyyymm}: the month after whose following month an unpaid line is arrears (the contribution month,
     * or for a difference line the month its year's rates were published). */
    int dueMonth;

    protected LedgerLineEntity() {
    }

    LedgerLineEntity(String idNumber, InsuranceType type, YearMonth month, LineStatus status, long now) {
        this.idNumber = idNumber;
        this.insuranceType = type.code();
        this.contributionMonth = Months.of(month);
        this.dueMonth = this.contributionMonth;
        this.status = status;
        this.updatedAt = now;
    }

    /** Where a line comes from: the month's contribution, or a month charged for back-payment (no late fee). */
    enum Origin {
        LEDGER, GAP
    }

    InsuranceType type() {
        return InsuranceType.ofCode(insuranceType).orElseThrow();
    }

    YearMonth month() {
        return Months.at(contributionMonth);
    }

    /**
     * Base and amount at the rates for the year (the tier matters for 110), marking the line provisional when the
     * rates stand in for a year without its own row.
     */
    void rate(Rates rates, Year year, Integer tier) {
        base = rates.base(type(), tier).setScale(2);
        amount = rates.monthly(type(), tier);
        tierPercent = type() == InsuranceType.PENSION ? tier : null;
        ratesYear = rates.year().getValue();
        provisionalFor = rates.provisionalFor(year) ? year.getValue() : null;
    }
}
