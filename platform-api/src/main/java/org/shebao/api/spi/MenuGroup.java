package org.shebao.api.spi;

/** The console's menu groups. */
public enum MenuGroup {
    /** 个人业务办理: the task businesses. */
    PERSONAL_BUSINESS,
    /** 个人业务申报: declarations such as the arrears payment slip. */
    DECLARATION,
    /** 其他业务: problem reports and the like. */
    OTHER
}
