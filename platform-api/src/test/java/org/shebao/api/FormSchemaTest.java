package org.shebao.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.shebao.api.form.Choice;
import org.shebao.api.form.Column;
import org.shebao.api.form.Field;
import org.shebao.api.form.FieldType;
import org.shebao.api.form.FormSchema;
import org.shebao.api.i18n.Text;

/** The form model is rich enough for the seven task businesses of BUSINESS.md §2, from the API types alone. */
public class FormSchemaTest {

    private static Text t(String zh) {
        return Text.literal(zh);
    }

    private static final List<Choice> TYPES = List.of(new Choice("110", t("企业职工基本养老保险")),
            new Choice("310", t("职工基本医疗保险")));
    private static final List<Choice> TIERS = List.of(new Choice("60", t("60%")), new Choice("100", t("100%")),
            new Choice("300", t("300%")));

    static Map<String, FormSchema> sevenBusinesses() {
        List<Field> identity = List.of(Field.text("name", t("姓名")).asReadOnly(),
                Field.text("idNumber", t("公民身份号码")).asReadOnly(),
                Field.text("district", t("所属区")).asReadOnly());
        FormSchema enrol = FormSchema.of(concat(identity, List.of(
                Field.multiSelect("insuranceTypes", t("险种"), TYPES).asRequired(),
                Field.select("tier", t("缴费档次"), TIERS).asRequired().asImportant(),
                Field.month("startMonth", t("开始缴费年月")).asRequired().withRange("2026-11", "2026-12"),
                Field.money("monthlyAmount", t("每月缴费金额")).asImportant(),
                Field.photo("photo", t("照片")))))
                .withValues(Map.of("name", "张伟", "idNumber", "420102199003150117", "district", "420102"));
        FormSchema suspend = FormSchema.of(concat(identity, List.of(
                Field.multiSelect("insuranceTypes", t("暂停险种（不参加）"), TYPES).asRequired())));
        List<Column> arrearsColumns = List.of(Column.of("month", t("费款所属期"), FieldType.MONTH),
                Column.of("insuranceType", t("险种"), FieldType.TEXT), Column.summed("amount", t("应缴金额")));
        FormSchema arrears = FormSchema.of(List.of(
                Field.select("insuranceType", t("险种"), TYPES),
                Field.table("lines", t("核定后欠费信息"), "/api/plugins/arrears-payment/arrears", arrearsColumns, 10),
                Field.money("total", t("合计")).asImportant()));
        FormSchema writeOff = FormSchema.of(List.of(
                Field.select("insuranceType", t("险种"), TYPES),
                Field.table("months", t("欠费月份"), "/api/plugins/arrears-writeoff/arrears", arrearsColumns, 0)
                        .asRequired(),
                Field.money("total", t("核定后欠费统计信息")).asImportant()));
        FormSchema tierChange = FormSchema.of(List.of(
                Field.text("currentTier", t("当前档次")).asReadOnly(),
                Field.select("tier", t("变更后档次"), TIERS).asRequired(),
                Field.money("monthlyAmount", t("变更后每月缴费金额")).asImportant()));
        FormSchema gaps = FormSchema.of(List.of(
                Field.month("from", t("开始年月")),
                Field.table("gaps", t("中断期"), "/api/plugins/gap-payment/gaps",
                        List.of(Column.of("month", t("年月"), FieldType.MONTH), Column.summed("amount", t("金额")),
                                Column.summed("interest", t("利息"))), 10).asRequired(),
                Field.money("total", t("核定缴费")).asImportant()));
        FormSchema info = FormSchema.of(concat(identity, List.of(
                Field.date("birthDate", t("出生日期")).asReadOnly(),
                Field.text("mobile", t("手机号码")).asRequired(),
                Field.text("address", t("联系地址")).asRequired(),
                Field.text("postalCode", t("邮政编码")),
                Field.text("email", t("电子邮箱")),
                Field.text("emergencyName", t("紧急联系人")),
                Field.text("emergencyPhone", t("紧急联系电话")),
                Field.photo("photo", t("照片")))));
        return Map.of("enrol", enrol, "suspend", suspend, "arrears-payment", arrears, "arrears-writeoff", writeOff,
                "tier-change", tierChange, "gap-payment", gaps, "info-change", info);
    }

    private static List<Field> concat(List<Field> a, List<Field> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    public void everyFieldTypeIsUsedAndFlagsAreKept() {
        Map<String, FormSchema> forms = sevenBusinesses();
        assertEquals(7, forms.size());
        Set<FieldType> used = EnumSet.noneOf(FieldType.class);
        forms.values().forEach(f -> f.fields().forEach(field -> used.add(field.type())));
        assertEquals(EnumSet.allOf(FieldType.class), used);

        Field tier = forms.get("enrol").field("tier").orElseThrow();
        assertTrue(tier.required() && tier.important() && !tier.readOnly());
        assertEquals(3, tier.choices().size());
        Field amount = forms.get("tier-change").field("monthlyAmount").orElseThrow();
        assertTrue(amount.readOnly() && amount.important());
        Field table = forms.get("arrears-payment").field("lines").orElseThrow();
        assertEquals(10, table.pageSize());
        assertTrue(table.columns().get(2).total());
        assertEquals("张伟", forms.get("enrol").values().get("name"));
        assertEquals("2026-11", forms.get("enrol").field("startMonth").orElseThrow().min());
        assertEquals("暂停险种（不参加）",
                forms.get("suspend").field("insuranceTypes").orElseThrow().label().in(Locale.ENGLISH));
    }
}
