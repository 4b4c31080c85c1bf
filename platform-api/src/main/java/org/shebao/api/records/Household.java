package org.shebao.api.records;

/** Household registration (户籍): a non-local applicant shows a residence permit, checked by a reviewer. */
public enum Household {
    /** 武汉户籍. */
    LOCAL,
    /** 非本地户籍 (居住证). */
    NON_LOCAL
}
