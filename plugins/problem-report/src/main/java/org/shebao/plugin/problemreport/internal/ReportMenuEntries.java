package org.shebao.plugin.problemreport.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.shebao.api.account.Role;
import org.shebao.api.spi.MenuEntries;
import org.shebao.api.spi.MenuEntry;
import org.shebao.api.spi.MenuGroup;

/** The plugin's menu entries (其他业务): 问题报告 and 问题报告查询 for citizens, 问题报告答复 for reviewers. */
@Component(service = MenuEntries.class)
public class ReportMenuEntries implements MenuEntries {

    @Override
    public List<MenuEntry> entries() {
        return List.of(MenuEntry.forCitizens("problem-report", MenuGroup.OTHER, "report.js"),
                MenuEntry.forCitizens("problem-report-query", MenuGroup.OTHER, "query.js"),
                new MenuEntry("problem-report-answer", MenuGroup.OTHER, "answer.js", Set.of(Role.REVIEWER), Set.of()));
    }
}
