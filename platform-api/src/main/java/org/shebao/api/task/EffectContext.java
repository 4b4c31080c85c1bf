package org.shebao.api.task;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Handed to {@link org.shebao.api.spi.BusinessType#apply} inside the engine's transaction: whatever the
 * effect changes commits or rolls back together with the task's approval.
 */
@ProviderType
public interface EffectContext {

    /** The bureau's today, the day of approval. */
    LocalDate today();

    /** Who approved: {@code system} for the automatic review, else the reviewer's login. */
    String approvedBy();

    /** The records, written in this transaction: they change only if the approval commits. */
    org.shebao.api.records.RecordsWriter records();
}
