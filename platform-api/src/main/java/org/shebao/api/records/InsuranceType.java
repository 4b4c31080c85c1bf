package org.shebao.api.records;

import java.util.Arrays;
import java.util.Optional;

import org.shebao.api.i18n.Text;

/** The insurance types (险种, AAE140) open to flexible workers online. 330 rides with 310. */
public enum InsuranceType {
    /** 企业职工基本养老保险: employee basic pension. */
    PENSION("110"),
    /** 职工基本医疗保险: employee basic medical. */
    MEDICAL("310"),
    /** 大额医疗费用补助: major-illness supplement, enrolled and suspended together with 310. */
    MAJOR_ILLNESS("330");

    private final String code;

    InsuranceType(String code) {
        this.code = code;
    }

    /** The standard code, {@code 110}, {@code 310} or {@code 330}. */
    public String code() {
        return code;
    }

    /** Whether a citizen enrols in (or suspends) this type by itself: 110 and 310, not 330. */
    public boolean enrolable() {
        return this != MAJOR_ILLNESS;
    }

    /** The type whose enrolment this type's ledger lines follow (330 follows 310). */
    public InsuranceType enrolment() {
        return this == MAJOR_ILLNESS ? MEDICAL : this;
    }

    public Text label() {
        return Text.of(InsuranceType.class, "org.shebao.api.records.messages", "insuranceType." + code);
    }

    public static Optional<InsuranceType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code == null ? null : code.trim())).findFirst();
    }
}
