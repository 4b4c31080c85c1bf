package org.shebao.engine.internal;

import org.shebao.api.i18n.Text;

/** The engine's user-visible texts ({@code messages.properties}: zh-CN, {@code messages_en.properties}: en). */
public final class Messages {

    private static final String BUNDLE = "org.shebao.engine.internal.messages";

    private Messages() {
    }

    public static Text text(String key, Object... args) {
        return Text.of(Messages.class, BUNDLE, key, args);
    }
}
