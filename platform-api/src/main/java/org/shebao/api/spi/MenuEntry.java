package org.shebao.api.spi;

import java.util.Set;

import org.shebao.api.account.Role;

/**
 * A console menu entry that is not a task business (生成欠费补缴单, 问题报告): a screen drawn by one of the plugin's
 * ES modules. Its label is the plugin's text {@code entry.<id>}.
 *
 * @param id        stable, e.g. {@code arrears-slip}
 * @param group     where the console lists it
 * @param module    the file of the plugin's {@code ui/} folder that draws it; it exports a default function
 *                  {@code (root, ctx)} and gets the console's {@code ctx} ({@code api}, {@code el}, {@code money},
 *                  {@code lang}, {@code t} with the plugin's {@code ui.*} texts, {@code home()})
 * @param roles     who sees it
 * @param districts the district codes it serves; empty for every district
 */
public record MenuEntry(String id, MenuGroup group, String module, Set<Role> roles, Set<String> districts) {

    public MenuEntry {
        roles = Set.copyOf(roles);
        districts = Set.copyOf(districts);
    }

    /** An entry for citizens of every district. */
    public static MenuEntry forCitizens(String id, MenuGroup group, String module) {
        return new MenuEntry(id, group, module, Set.of(Role.CITIZEN), Set.of());
    }
}
