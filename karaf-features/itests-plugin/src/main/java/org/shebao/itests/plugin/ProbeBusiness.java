package org.shebao.itests.plugin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;
import org.shebao.api.spi.BusinessType;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.Assessment;
import org.shebao.api.task.Decision;
import org.shebao.api.task.EffectContext;
import org.shebao.api.task.FormData;
import org.shebao.api.task.TaskView;

/**
 * A test business whose automatic review does what the data asks: {@code outcome} = approve, return,
 * human (refer to a reviewer) or refuse (the effect refuses at approval).
 */
public class ProbeBusiness implements BusinessType {

    static final List<String> OUTCOMES = List.of("approve", "return", "human", "refuse");





    @Override
    public FormSchema form(Applicant applicant) {
        return FormSchema.of(List.of(
                Field.text("name", Text.literal("姓名")).asRequired(),
                Field.select("outcome", Text.literal("审核结果"),
                        OUTCOMES.stream().map(o -> new Choice(o, Text.literal(o))).toList()).asRequired(),
                Field.money("amount", Text.literal("金额")).asImportant()))
                .withValues(Map.of("name", applicant.account().displayName()));
    }

    @Override
    public List<FieldError> validate(FormData data, Applicant applicant) {
        List<FieldError> errors = new ArrayList<>();
        if (data.text("name").isEmpty()) {
            errors.add(new FieldError("name", locale -> "en".equals(locale.getLanguage()) ? "Required." : "此项为必录项。"));
        }
        if (data.text("outcome").filter(OUTCOMES::contains).isEmpty()) {
            errors.add(new FieldError("outcome", Text.literal("approve | return | human | refuse")));
        }
        return errors;
    }

    @Override
    public Assessment assess(FormData data, Applicant applicant) {
        return Assessment.of(Map.of("amount", new BigDecimal("815.40")));
    }

    @Override
    public Decision review(TaskView task, Applicant applicant) {
        return switch (task.data().text("outcome").orElse("")) {
            case "return" -> Decision.returnTask("test", locale -> "en".equals(locale.getLanguage())
                    ? "Returned by the test business" : "测试业务退回：请修改后重新提交");
            case "human" -> Decision.refer(Text.literal("请人工审核"));
            default -> Decision.approve();
        };
    }

    @Override
    public void apply(TaskView task, EffectContext effects) {
        if ("refuse".equals(task.data().text("outcome").orElse(""))) {
            throw new ShebaoException(Kind.CONFLICT, "test-refusal", Text.literal("测试业务拒绝生效"));
        }
    }
}
