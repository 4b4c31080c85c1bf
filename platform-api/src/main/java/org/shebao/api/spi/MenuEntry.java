package org.shebao.api.spi;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.shebao.api.i18n.Text;

/**
 * A console menu entry that is not a task business (生成欠费补缴单, 问题报告): a screen drawn by the plugin's own UI
 * module, registered as an OSGi service. The console lists it under its group for the districts it serves.
 */
@ConsumerType
public interface MenuEntry {

    /** Stable identifier, e.g. {@code arrears-slip}. */
    String id();

    /** What the menu shows. */
    Text label();

    MenuGroup group();

    /**
     * The URL of the ES module that draws the screen. It exports a default function {@code (root, ctx)}; the
     * console passes {@code ctx.api(method, path, body)}, {@code ctx.lang} and {@code ctx.home()}.
     */
    String uiModule();

    /** Who sees it: citizens, unless the entry is a back-office screen (e.g. reviewers answering reports). */
    default Set<org.shebao.api.account.Role> roles() {
        return Set.of(org.shebao.api.account.Role.CITIZEN);
    }

    /** The district codes it serves; empty for every district. */
    default Set<String> districts() {
        return Set.of();
    }
}
