package org.shebao.engine.internal.notify;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/** One notifier's delivery of an inbox entry: pending until delivered or given up, with its attempts. */
@Entity
@Table(name = "SB_NOTIFICATION_DELIVERY", indexes = {
        @Index(name = "SB_NOTIFICATION_DELIVERY_DUE", columnList = "STATE,NEXTAT"),
        @Index(name = "SB_NOTIFICATION_DELIVERY_OF", columnList = "NOTIFICATIONID")})
public class DeliveryEntity {

    /** Where a delivery stands. */
    public enum State { PENDING, DELIVERED, GAVE_UP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    long id;

    @Version
    int version;

    long notificationId;

    @Column(nullable = false, length = 100)
    String notifier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    State state;

    int attempts;

    long createdAt;

    /** When it is to be tried (next); a node trying it moves this on first, so that no other node tries it too. */
    long nextAt;

    @Column(length = 500)
    String lastError;

    protected DeliveryEntity() {
    }

    DeliveryEntity(long notificationId, String notifier, long createdAt) {
        this.notificationId = notificationId;
        this.notifier = notifier;
        this.state = State.PENDING;
        this.createdAt = createdAt;
        this.nextAt = createdAt;
    }
}
