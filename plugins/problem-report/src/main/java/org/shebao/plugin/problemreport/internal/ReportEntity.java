package org.shebao.plugin.problemreport.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A problem report (问题报告): open until a reviewer of the citizen's district answers it. */
@Entity
@Table(name = "SB_PROBLEM_REPORT", indexes = {@Index(name = "SB_PROBLEM_REPORT_OWNER", columnList = "OWNER"),
        @Index(name = "SB_PROBLEM_REPORT_OPEN", columnList = "DISTRICT,STATUS,CREATEDAT")})
@TableGenerator(name = "SB_PROBLEM_REPORT_ID", table = "SB_PROBLEM_REPORT_SEQ", pkColumnName = "NAME",
        valueColumnName = "NEXTVALUE", pkColumnValue = "REPORT", allocationSize = 10)
public class ReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_PROBLEM_REPORT_ID")
    long id;

    @Version
    long version;

    @Column(nullable = false, length = 64)
    String owner;

    @Column(nullable = false, length = 100)
    String ownerName;

    @Column(nullable = false, length = 6)
    String district;

    @Column(nullable = false, length = 64)
    String businessType;

    @Column(nullable = false, length = 200)
    String businessName;

    /** The business's English name when the report was sent (none on reports sent before it was kept). */
    @Column(length = 200)
    String businessNameEn;

    @Column(nullable = false, length = 2000)
    String description;

    @Column(nullable = false)
    LocalDate expectedBy;

    long createdAt;

    @Column(nullable = false, length = 16)
    String status;

    @Column(length = 2000)
    String reply;

    @Column(length = 64)
    String repliedBy;

    Long repliedAt;

    protected ReportEntity() {
    }
}
