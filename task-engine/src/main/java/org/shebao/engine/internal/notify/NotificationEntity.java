package org.shebao.engine.internal.notify;

import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.shebao.api.i18n.Text;
import org.shebao.api.notify.NotificationKind;

/**
 * An inbox entry: its text in each language the platform speaks, written when it happened (a plugin removed later
 * leaves its entries readable), and when the person read it.
 */
@Entity
@Table(name = "SB_NOTIFICATION", indexes = {@Index(name = "SB_NOTIFICATION_INBOX", columnList = "RECIPIENT,READAT,CREATEDAT"),
        @Index(name = "SB_NOTIFICATION_REF", columnList = "KIND,REF")})
public class NotificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    long id;

    @Column(nullable = false, length = 64)
    String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    NotificationKind kind;

    @Column(name = "TEXTZH", nullable = false, length = 1000)
    String textZh;

    @Column(name = "TEXTEN", nullable = false, length = 1000)
    String textEn;

    @Column(length = 200)
    String link;

    /** What it is about, where the kind needs it once only (a slip's voucher number). */
    @Column(length = 64)
    String ref;

    long createdAt;

    Long readAt;

    protected NotificationEntity() {
    }

    NotificationEntity(String recipient, NotificationKind kind, Text text, String link, String ref, long createdAt) {
        this.recipient = recipient;
        this.kind = kind;
        this.textZh = cut(text.in(Text.DEFAULT_LOCALE));
        this.textEn = cut(text.in(Locale.ENGLISH));
        this.link = link;
        this.ref = ref;
        this.createdAt = createdAt;
    }

    String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textZh;
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
