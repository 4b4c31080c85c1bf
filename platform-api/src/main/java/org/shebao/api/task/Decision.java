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
}
