package org.shebao.engine.internal.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.Optional;

import org.junit.Test;
import org.shebao.api.i18n.Text;

public class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();

    private String why(String login, String password) {
        Optional<Text> refusal = rules.refusal(login, password.toCharArray());
        return refusal.map(t -> t.in(Locale.ENGLISH)).orElse("");
    }

    @Test
    public void aLongUncommonPasswordWithoutTheLoginIsAccepted() {
        assertEquals("", why("420102199003150117", "Shebao#2026"));
        assertEquals("", why("jiangan-reviewer", "长江大桥1957年通车"));
    }

    @Test
    public void shorterThanTenCharactersCountedInCodePointsIsRefused() {
        assertTrue(why("nobody-x", "Abc#12345").contains("10"));
        assertTrue("nine emoji are nine characters", why("nobody-x", "\uD83D\uDE00".repeat(9)).contains("10"));
        assertEquals("", why("nobody-x", "\uD83D\uDE00".repeat(10)));
    }

    @Test
    public void theLoginInsideThePasswordIsRefused() {
        assertTrue(why("420102199003150117", "420102199003150117").contains("ID number"));
        assertTrue(why("jiangan-reviewer", "My-Jiangan-Reviewer!").contains("ID number"));
    }

    @Test
    public void aCommonPasswordIsRefusedWhateverItsCase() {
        assertTrue(why("nobody-x", "qwertyuiop").contains("common"));
        assertTrue(why("nobody-x", "Password123").contains("common"));
        assertTrue(why("nobody-x", "1qaz2wsx3edc").contains("common"));
    }
}
