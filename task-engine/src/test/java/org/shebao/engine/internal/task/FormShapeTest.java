package org.shebao.engine.internal.task;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Field;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;

public class FormShapeTest {

    private static final String EMOJI = "\uD83D\uDE00";
    private final FormSchema form = FormSchema.of(List.of(
            Field.text("name", Text.literal("name")),
            Field.text("mobile", Text.literal("mobile")).withMaxLength(11),
            Field.select("tier", Text.literal("tier"), List.of(new Choice("60", Text.literal("60%")))),
            Field.multiSelect("months", Text.literal("months"), List.of()),
            Field.money("amount", Text.literal("amount"))));

    private List<String> fields(Map<String, Object> values) {
        return FormShape.errors(form, values).stream().map(FieldError::field).toList();
    }

    @Test
    public void theFormsFieldsWithPlainValuesPass() {
        assertEquals(List.of(), fields(Map.of("name", "张伟", "mobile", "13800000000", "tier", "60",
                "months", List.of("2026-01", "2026-02"), "amount", new BigDecimal("815.40"))));
    }

    @Test
    public void aKeyTheFormDoesNotHaveIsAFieldError() {
        assertEquals(List.of("isAdmin"), fields(Map.of("name", "张伟", "isAdmin", true)));
    }

    @Test
    public void nestedValuesAndListsWhereAValueBelongsAreRefused() {
        assertEquals(List.of("name"), fields(Map.of("name", Map.of("first", "x"))));
        assertEquals(List.of("tier"), fields(Map.of("tier", List.of("60"))));
        assertEquals(List.of("months"), fields(Map.of("months", "2026-01")));
        assertEquals(List.of("months"), fields(Map.of("months", List.of(Map.of("m", "2026-01")))));
    }

    @Test
    public void textIsCountedInCodePointsAgainstItsFieldsLength() {
        assertEquals(List.of(), fields(Map.of("name", EMOJI.repeat(Field.DEFAULT_MAX_LENGTH))));
        assertEquals(List.of("name"), fields(Map.of("name", EMOJI.repeat(Field.DEFAULT_MAX_LENGTH + 1))));
        assertEquals(List.of(), fields(Map.of("mobile", "1".repeat(11))));
        assertEquals(List.of("mobile"), fields(Map.of("mobile", "1".repeat(12))));
        assertTrue(FormShape.errors(form, Map.of("months", Collections.nCopies(FormShape.MAX_ITEMS + 1, "x"))).size() == 1);
    }
}
