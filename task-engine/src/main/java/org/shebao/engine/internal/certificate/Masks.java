package org.shebao.engine.internal.certificate;

/** What a third party may see of a name and an ID number. */
public final class Masks {

    private Masks() {
    }

    /** The first character kept: 王强 → 王*, 欧阳娜娜 → 欧***. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }

    /** The region code and the last four kept: 420111197811020334 → 420111********0334. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return "*".repeat(id == null ? 0 : id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
