package org.shebao.api.records;

/** A payment slip's life: issued, then paid, cancelled by the district office, or expired. */
public enum SlipStatus {
    ISSUED, PAID, CANCELLED, EXPIRED
}
