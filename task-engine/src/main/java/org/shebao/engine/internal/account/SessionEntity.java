package org.shebao.engine.internal.account;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A login session, kept in the database so that every node behind a load balancer knows it and it
 * outlives a restart. Only the SHA-256 of the cookie's token is stored.
 */
@Entity
@Table(name = "SB_SESSION")
public class SessionEntity {

    @Id
    @Column(length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 64)
    private String login;

    private long createdAt;

    private long lastSeenAt;

    protected SessionEntity() {
    }

    SessionEntity(String tokenHash, String login, long now) {
        this.tokenHash = tokenHash;
        this.login = login;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    String login() {
        return login;
    }

    String tokenHash() {
        return tokenHash;
    }

    long createdAt() {
        return createdAt;
    }

    long lastSeenAt() {
        return lastSeenAt;
    }

    void seen(long now) {
        this.lastSeenAt = now;
    }
}
