package org.shebao.api.notify;

import org.osgi.annotation.versioning.ProviderType;
import org.shebao.api.i18n.Text;

/**
 * The inbox of every person (citizens by resident ID number, staff by user name). A plugin posts what it did for a
 * person after its own transaction committed; the platform writes the entry (in the transaction of the caller when
 * there is one of the platform's), tells the person's open consoles, and hands the entry to each {@link Notifier},
 * retrying a failed delivery for 24 hours.
 */
@ProviderType
public interface Notifications {

    /**
     * Writes an inbox entry.
     *
     * @param recipient the login of the person
     * @param kind      what happened
     * @param text      the text, resolved in each language the platform speaks when the entry is written
     * @param link      the console route that shows what happened ({@code #/task/42}), or null
     * @return the entry's id
     */
    long post(String recipient, NotificationKind kind, Text text, String link);
}
