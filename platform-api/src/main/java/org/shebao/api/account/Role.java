package org.shebao.api.account;

/** What an account may do. */
public enum Role {
    /** An insured person, logged in with the resident ID number. */
    CITIZEN,
    /** Bureau staff who review tasks of their district. */
    REVIEWER,
    /** Switches plugins on and off for their district and cancels payment slips. */
    DISTRICT_ADMIN,
    /** Deploys, upgrades and removes business plugins. */
    ADMIN,
    /** A collecting channel (the post office, a bank): reports the payments of slips. */
    PAYMENT_CHANNEL
}
