package org.shebao.plugin.arrearswriteoff.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.FormSchema;
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

import static org.shebao.plugin.arrearswriteoff.internal.WriteOffRules.TEXTS;

/** 欠费注销: ticked arrears months are written off on approval, audited and irreversible. */
@Component(service = BusinessType.class)
@Business
public class WriteOffBusiness implements BusinessType {

    private final Records records;

    @Activate
    public WriteOffBusiness(@Reference Records records) {
        this.records = records;
    }

    @Override
    public FormSchema form(Applicant applicant) {
        return WriteOffForm.schema();
    }

    private Assessment assessNow(String login, FormData data, LocalDate today) {
        return WriteOffRules.assessment(records.chosen(login, WriteOffRules.lineIds(data), Set.of(LineStatus.ARREARS), today));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        return FieldError.check("lines", WriteOffRules.wellFormed(data), TEXTS.t("error.lines"),
                () -> assessNow(applicant.account().login(), data, applicant.today()));
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        return WriteOffRules.wellFormed(data) ? assessNow(applicant.account().login(), data, applicant.today()) : Assessment.NONE;
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return WriteOffRules.review(task.assessment(), assessNow(task.applicant().login(), task.data(), applicant.today()));
    }

    /** The ticked arrears months, as they stood when the task was decided. */
    @Override
    public Map<String, List<?>> snapshot(TaskView task, Applicant applicant, Locale locale) {
        List<Long> ids = WriteOffRules.lineIds(task.data());
        return ids.isEmpty() ? Map.of() : Map.of("lines", records.chosen(task.applicant().login(), ids,
                Set.of(LineStatus.ARREARS), applicant.today()).stream().map(l -> l.row(locale)).toList());
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        effects.records().move(task.applicant().login(), WriteOffRules.lineIds(task.data()), LineStatus.ARREARS,
                LineStatus.WRITTEN_OFF);
    }
}
