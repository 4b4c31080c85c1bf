package org.shebao.plugin.suspend.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.i18n.Texts;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.task.Decision;
import org.shebao.api.task.FormData;

/** Suspension (暂停缴费): paying types set to "not participating" from the month after approval. */
final class SuspendRules {

    private SuspendRules() {
    }

    static final Texts TEXTS = Texts.of(SuspendRules.class);

    /** The types the citizen ticked (110, 310); 330 goes with 310. */
    static List<InsuranceType> types(FormData data) {
        return data.list("types").stream().map(InsuranceType::ofCode).flatMap(Optional::stream)
                .filter(InsuranceType::enrolable).distinct().sorted().toList();
    }

    static List<InsuranceType> paying(List<Enrolment> enrolments) {
        return enrolments.stream().filter(Enrolment::paying).map(Enrolment::type).sorted().toList();
    }

    static List<FieldError> validate(FormData data, List<Enrolment> enrolments) {
        List<FieldError> errors = new ArrayList<>();
        List<InsuranceType> types = types(data);
        if (types.isEmpty() || types.size() != data.list("types").size()) {
            errors.add(new FieldError("types", TEXTS.t("error.types")));
        }
        for (InsuranceType type : types) {
            if (!paying(enrolments).contains(type)) {
                errors.add(new FieldError("types", TEXTS.t("error.notPaying", type.label())));
            }
        }
        return errors;
    }

    static Decision review(List<InsuranceType> types, List<Enrolment> enrolments) {
        for (InsuranceType type : types) {
            if (!paying(enrolments).contains(type)) {
                return Decision.returnTask("not-paying", TEXTS.t("error.notPaying", type.label()));
            }
        }
        return types.isEmpty() ? Decision.returnTask("no-type", TEXTS.t("error.types")) : Decision.approve();
    }
}
