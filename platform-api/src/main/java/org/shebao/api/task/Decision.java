package org.shebao.api.task;

import org.shebao.api.i18n.Text;

/** What a business's automatic review decides for a submitted task. */
public sealed interface Decision {

    /** Approve now: the effect is applied in the same transaction. */
    record Approve() implements Decision {
    }

    /**
     * Return to the citizen with a reason they can act on.
     *
     * @param code   a code of the reasons dictionary (e.g. {@code age-limit}), for statistics
     * @param reason what the citizen reads
     */
    record Return(String code, Text reason) implements Decision {
    }

    /** Park for a human reviewer of the citizen's district, with a note for the reviewer. */
    record Refer(Text note) implements Decision {
    }

    static Decision approve() {
        return new Approve();
    }

    static Decision returnTask(String code, Text reason) {
        return new Return(code, reason);
    }

    static Decision refer(Text note) {
        return new Refer(note);
    }

    /**
     * Approve when the named amount is still the one the citizen was shown when submitting; otherwise return the task
     * with code {@code amount-changed} and the reason made of both amounts (then and now, two decimals).
     */
    static Decision approveIfUnchanged(Assessment shown, Assessment now, String amount,
            java.util.function.BiFunction<String, String, Text> reason) {
        if (now.differsFrom(shown, amount)) {
            return returnTask("amount-changed", reason.apply(shown.amount(amount).toPlainString(),
                    now.amount(amount).toPlainString()));
        }
        return approve();
    }
}
