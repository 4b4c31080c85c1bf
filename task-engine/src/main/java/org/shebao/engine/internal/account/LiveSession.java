package org.shebao.engine.internal.account;

import org.shebao.api.account.Account;

/**
 * A session that resolved: its account, and whether that account holds a temporary password that must be changed
 * before any other call.
 */
public record LiveSession(Account account, boolean mustChangePassword) {
}
