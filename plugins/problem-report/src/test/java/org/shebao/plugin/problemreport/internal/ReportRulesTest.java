package org.shebao.plugin.problemreport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.Test;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.spi.BusinessCatalog.BusinessInfo;

public class ReportRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    public void aReportNamesABusinessHasTenToAThousandCharactersAndADateFromToday() {
        Optional<BusinessInfo> none = Optional.empty();
        assertEquals(List.of("businessType", "description", "expectedBy"), fields(ReportService.errors(none, "", "2026-11-14", TODAY)));
        assertEquals(List.of("businessType", "description", "expectedBy"), fields(ReportService.errors(none, "太短了", "not a date", TODAY)));
        assertEquals(List.of("businessType"), fields(ReportService.errors(none, "缴费记录显示不正确，请核实", "2026-11-15", TODAY)));
        assertEquals(List.of("businessType", "description"), fields(ReportService.errors(none, "字".repeat(1001), "2027-01-01", TODAY)));
        // ten Chinese characters are ten, whatever their bytes
        assertTrue(fields(ReportService.errors(none, "一二三四五六七八九十", "2026-11-15", TODAY)).equals(List.of("businessType")));
        assertEquals("问题描述须为 10 至 1000 个字（现为 3 个字）。",
                ReportService.errors(none, "太短了", "2026-11-15", TODAY).get(1).message().in(Locale.SIMPLIFIED_CHINESE));
    }
}
