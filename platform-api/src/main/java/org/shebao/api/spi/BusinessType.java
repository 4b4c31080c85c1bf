package org.shebao.api.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

/**
 * A business of the service hall (enrolment, suspension, ...), contributed by a plugin bundle as an
 * OSGi service. The platform finds business types at any time and lets them go at any time; tasks keep
 * the id and wait while their business is absent.
 */
@ConsumerType
public interface BusinessType {

    /** Stable identifier, e.g. {@code enrol}; a task keeps it for life. */
    String id();

    /** The plugin's version, {@code major.minor.micro}. */
    String version();

    /** The business's name (增员(续保), ...). */
    Text name();

    /** Where the console lists it. */
    default MenuGroup group() {
        return MenuGroup.PERSONAL_BUSINESS;
    }

    /** The district codes it serves; empty for every district. */
    default Set<String> districts() {
        return Set.of();
    }

    /** The URL of an ES module that draws what the generic form cannot, if any. */
    default Optional<String> uiModule() {
        return Optional.empty();
    }

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

    /**
     * The rows the task's tables show now, by table field name (as the table's source answers them, in the
     * language). The engine keeps them with the task when it is submitted and when it is decided, so that a decided
     * task shows what was decided, not today's records. Empty when the business has no table.
     */
    default java.util.Map<String, java.util.List<?>> snapshot(TaskView task, Applicant applicant,
            java.util.Locale locale) {
        return java.util.Map.of();
    }

    /** The effect of approval on the records, in the engine's transaction. Throw to refuse. */
    void apply(TaskView task, EffectContext effects);
}
