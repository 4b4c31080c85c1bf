package org.shebao.plugin.arrearspayment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Records;
import org.shebao.api.spi.Business;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;


/**
 * 欠费补缴: the citizen queries the assessed arrears by type (totals per type, paged details) and picks the types
 * to pay; approval makes all their arrears months payable, for a payment slip (生成欠费补缴单).
 */
@Component(service = BusinessType.class)
@Business
public class ArrearsPaymentBusiness implements BusinessType {

    private final Records records;

    @Activate
    public ArrearsPaymentBusiness(@Reference Records records) {
        this.records = records;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        return ArrearsForm.schema();
    }

    private List<LedgerLine> arrears(String login, LocalDate day) {
        return records.lines(login, LineQuery.in(LineStatus.ARREARS), day);
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return ArrearsRules.validate(ArrearsRules.types(data), arrears(applicant.account().login(), applicant.today()));
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        return ArrearsRules.assess(ArrearsRules.types(data), arrears(applicant.account().login(), applicant.today()));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        List<InsuranceType> picked = ArrearsRules.types(task.data());
        return ArrearsRules.review(picked, task.assessment(), ArrearsRules.assess(picked, arrears(task.applicant().login(), applicant.today())));
    }

    /** The arrears of the picked types, as they stood when the task was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        List<InsuranceType> picked = ArrearsRules.types(task.data());
        return Map.of("arrears", arrears(task.applicant().login(), applicant.today()).stream()
                .filter(l -> picked.contains(l.type().enrolment())).map(l -> l.row(locale)).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        String login = task.applicant().login();
        List<Long> lines = ArrearsRules.lineIds(ArrearsRules.types(task.data()), arrears(login, effects.today()));
        effects.records().move(login, lines, LineStatus.ARREARS, LineStatus.PAYABLE);
    }
}
