package org.shebao.api.notify;

import java.util.Locale;

/**
 * One inbox entry as a notifier delivers it.
 *
 * @param id        the entry's id (the same on every attempt: a notifier may use it to drop repeats)
 * @param recipient the person's login (a citizen's resident ID number; the notifier finds the mobile number in the
 *                  records)
 * @param kind      what happened
 * @param text      the text in the recipient's language
 * @param language  that language (the one the person last used the console in; Simplified Chinese by default)
 * @param link      the console route of what happened, or null
 * @param attempt   1 for the first attempt, then 2, 3 …
 */
public record Delivery(long id, String recipient, NotificationKind kind, String text, Locale language, String link,
        int attempt) {
}
