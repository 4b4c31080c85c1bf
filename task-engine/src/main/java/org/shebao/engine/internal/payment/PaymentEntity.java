package org.shebao.engine.internal.payment;

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
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.shebao.engine.internal.records.PaymentRefusal;

/**
 * A payment a channel reported, kept whatever became of it: applied to its slip, or an exception (with why) until a
 * district administrator resolves it. One per channel reference of each channel account.
 */
@Entity
@Table(name = "SB_PAYMENT", uniqueConstraints = @UniqueConstraint(name = "SB_PAYMENT_REF", columnNames = {"CHANNEL", "CHANNELREF"}),
        indexes = {@Index(name = "SB_PAYMENT_OPEN", columnList = "STATUS,RESOLUTION,DISTRICT"),
                @Index(name = "SB_PAYMENT_VOUCHER", columnList = "VOUCHERNO")})
@TableGenerator(name = "SB_PAYMENT_ID", table = "SB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXTVALUE",
        pkColumnValue = "PAYMENT", allocationSize = 20)
public class PaymentEntity {

    /** What became of it. */
    public enum Status { APPLIED, EXCEPTION }

    /** How an exception was resolved. */
    public enum Resolution { APPLIED_TO, REFUNDED }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_PAYMENT_ID")
    long id;

    @Version
    long version;

    @Column(nullable = false, length = 64)
    String channel;

    @Column(nullable = false, length = 64)
    String channelRef;

    @Column(nullable = false, length = 24)
    String voucherNo;

    @Column(nullable = false, precision = 14, scale = 2)
    BigDecimal amount;

    /** The instant of payment (epoch milliseconds) and as the channel wrote it (with its offset). */
    long paidAt;

    @Column(nullable = false, length = 40)
    String paidAtText;

    /** SHA-256 of the report: a repeat of the reference must say the same. */
    @Column(nullable = false, length = 64)
    String digest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Status status;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    PaymentRefusal reason;

    /** The slip's citizen and district (none for an unknown voucher: platform administrators see it). */
    @Column(length = 18)
    String idNumber;

    @Column(length = 6)
    String district;

    /** {@code API} or {@code FILE:<line>}. */
    @Column(nullable = false, length = 24)
    String source;

    long receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    Resolution resolution;

    @Column(length = 24)
    String resolvedVoucherNo;

    @Column(length = 500)
    String resolutionNote;

    @Column(length = 64)
    String resolvedBy;

    long resolvedAt;

    protected PaymentEntity() {
    }

    PaymentEntity(String channel, PaymentReport report, String source, long receivedAt) {
        this.channel = channel;
        this.channelRef = report.channelRef();
        this.voucherNo = report.voucherNo();
        this.amount = report.amount();
        this.paidAt = report.paidAt().toInstant().toEpochMilli();
        this.paidAtText = report.paidAt().toString();
        this.digest = report.digest();
        this.source = source;
        this.receivedAt = receivedAt;
    }
}
