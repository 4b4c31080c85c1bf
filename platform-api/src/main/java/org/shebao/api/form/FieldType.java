package org.shebao.api.form;

/** The kinds of form field the console can draw (API.md). */
public enum FieldType {
    /** Free text, one line. */
    TEXT,
    /** A day, {@code YYYY-MM-DD}. */
    DATE,
    /** A month, {@code YYYY-MM}. */
    MONTH,
    /** One of the options. */
    SELECT,
    /** Any number of the options. */
    MULTISELECT,
    /** A computed amount, read-only, refreshed from the assessment. */
    MONEY,
    /** Rows from a plugin endpoint, tickable, paged, with totals. */
    TABLE,
    /** A JPEG or PNG photo uploaded as an attachment of the task. */
    PHOTO
}
