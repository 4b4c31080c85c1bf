package org.shebao.plugin.gappayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.spi.ReturnReason;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

import static org.shebao.plugin.gappayment.internal.GapRules.TEXTS;

/** 养老保险中断补缴: ticked pension gap months become payable (then a payment slip settles them). */
@Component(service = BusinessType.class)
@Business
public class GapPaymentBusiness implements BusinessType {

    private final Gaps gaps;

    @Activate
    public GapPaymentBusiness(@Reference Gaps gaps) {
        this.gaps = gaps;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        return GapForm.schema(YearMonth.from(applicant.today()));
    }

    private Assessment assessNow(String login, List<YearMonth> months, LocalDate today) {
        return GapRules.assessment(gaps.assess(login, months, today));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        List<YearMonth> months = GapRules.months(data).orElse(List.of());
        return FieldError.check("periods", !months.isEmpty(), TEXTS.t("error.months"),
                () -> assessNow(applicant.account().login(), months, applicant.today()));
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        List<YearMonth> months = GapRules.months(data).orElse(List.of());
        return months.isEmpty() ? Assessment.NONE : assessNow(applicant.account().login(), months, applicant.today());
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return GapRules.review(task.assessment(),
                assessNow(task.applicant().login(), GapRules.months(task.data()).orElse(List.of()), applicant.today()));
    }

    /** The ticked periods as assessed now: the rows the task showed when it was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        List<YearMonth> months = GapRules.months(task.data()).orElse(List.of());
        return months.isEmpty() ? Map.of() : Map.of("periods", GapPeriods.of(gaps.assess(task.applicant().login(), months,
                applicant.today())).stream().map(GapPeriods::row).toList());
    }

    @Override
    public List<ReturnReason> returnReasons() {
        return List.of(new ReturnReason("PERIOD", TEXTS.t("reason.PERIOD")));
    }

    /** The ticked months become payable at the amounts assessed now (which the review found unchanged). */
    @Override
    public void apply(TaskView task, EffectContext effects) {
        String login = task.applicant().login();
        effects.records().charge(login, gaps.assess(login, GapRules.months(task.data()).orElseThrow(), effects.today())
                .charges().stream().map(GapCharge::charge).toList());
    }
}
