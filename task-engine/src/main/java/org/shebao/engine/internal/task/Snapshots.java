package org.shebao.engine.internal.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's tables as they were when it was submitted and when it was decided ({@link BusinessType#snapshot}), kept
 * with the task in both languages, so that opening a decided task shows the rows that were decided, not today's.
 */
final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private Snapshots() {
    }

    /** Takes the business's snapshot into the task; a business that fails to give one leaves the last one. */
    static void take(TaskEntity task, BusinessType type, TaskView view, Applicant applicant) {
        try {
            Map<String, Object> byLanguage = new LinkedHashMap<>();
            for (Locale locale : LANGUAGES) {
                Map<String, List<?>> tables = type.snapshot(view, applicant, locale);
                if (tables.isEmpty()) {
                    return;
                }
                byLanguage.put(locale.getLanguage(), tables);
            }
            task.snapshot = TaskJson.write(byLanguage);
        } catch (RuntimeException e) {
            LOG.warn("Task {}: business {} gave no snapshot of its tables: {}", task.id, task.businessType, e.toString());
        }
    }

    /** The snapshot in the language, or null when there is none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> in(TaskEntity task, Locale locale) {
        if (task.snapshot == null) {
            return null;
        }
        Object tables = TaskJson.read(task.snapshot).get(locale.getLanguage());
        return tables instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
