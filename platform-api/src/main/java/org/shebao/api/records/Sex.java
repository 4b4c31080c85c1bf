package org.shebao.api.records;

/** Sex as the resident ID number encodes it (odd sequence = male). */
public enum Sex {
    MALE, FEMALE
}
