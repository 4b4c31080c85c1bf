package org.shebao.engine.internal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.shebao.api.i18n.Text;
import org.shebao.engine.internal.Messages;

/**
 * What a new password must be: at least ten characters, not the login (ID number or user name) nor containing it,
 * and not one of the common passwords shipped with the platform ({@code common-passwords.txt}).
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;

    private final Set<String> common;

    PasswordRules() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            common = lines.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("the common passwords are part of the bundle", e);
        }
    }

    /** Why the password will not do for the login, or empty when it will. */
    Optional<Text> refusal(String login, char[] password) {
        String text = new String(password);
        if (text.codePointCount(0, text.length()) < MIN_LENGTH) {
            return Optional.of(Messages.text("account.password.short", MIN_LENGTH));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (login != null && !login.isBlank() && lower.contains(login.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of(Messages.text("account.password.login"));
        }
        if (common.contains(lower)) {
            return Optional.of(Messages.text("account.password.common"));
        }
        return Optional.empty();
    }
}
