package org.shebao.api.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

/**
 * A business of the service hall (enrolment, suspension, ...), contributed by a plugin bundle as an OSGi service with
 * the {@link Business} component properties. The platform finds business types at any time and lets them go at any
 * time; tasks keep the id and wait while their business is absent. Id, version and name are the plugin's (see
 * {@link Business}): the class says what the business does, nothing about itself.
 */
@ConsumerType
public interface BusinessType {

    /** The form, prefilled for this applicant. */
    FormSchema form(Applicant applicant);

    /** Server-side validation; empty when the data may be saved. Nothing is saved otherwise. */
    List<FieldError> validate(FormData data, Applicant applicant);

    /** The figures shown before saving; {@link Assessment#NONE} when the business has none. */
    default Assessment assess(FormData data, Applicant applicant) {
        return Assessment.NONE;
    }

    /** The automatic review of a submitted task: approve, return with a reason, or refer to a reviewer. */
    Decision review(TaskView task, Applicant applicant);

    /** The effect of approval on the records, in the engine's transaction. Throw to refuse. */
    void apply(TaskView task, EffectContext effects);

    /**
     * The rows the task's tables show now, by table field name (as the table's source answers them, in the
     * language). The engine keeps them with the task when it is submitted and when it is decided, so that a decided
     * task shows what was decided, not today's records. Empty when the business has no table.
     */
    default Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        return Map.of();
    }

    /** The reasons a reviewer may return its tasks for, beyond the platform's general ones. */
    default List<ReturnReason> returnReasons() {
        return List.of();
    }

    /**
     * An ES module of the plugin (a file of its bundle's {@code ui/} folder, e.g. {@code form.js}) that draws what the
     * generic form cannot, if any.
     */
    default Optional<String> uiModule() {
        return Optional.empty();
    }
}
