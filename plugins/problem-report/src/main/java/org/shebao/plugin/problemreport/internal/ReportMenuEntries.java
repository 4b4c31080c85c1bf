package org.shebao.plugin.problemreport.internal;

import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.shebao.api.account.Role;
import org.shebao.api.i18n.Text;
import org.shebao.api.spi.MenuEntry;
import org.shebao.api.spi.MenuGroup;

/** The plugin's menu entries (其他业务): 问题报告 and 问题报告查询 for citizens, 问题报告答复 for reviewers. */
@Component(immediate = true)
public class ReportMenuEntries {

    /** One entry. */
    record Entry(String id, String key, String module, Set<Role> roles) implements MenuEntry {
        @Override
        public Text label() {
            return ReportService.t(key);
        }

        @Override
        public MenuGroup group() {
            return MenuGroup.OTHER;
        }

        @Override
        public String uiModule() {
            return "/api/plugins/problem-report/ui/" + module;
        }
    }

    private final ServiceRegistration<?>[] registrations;

    @Activate
    public ReportMenuEntries(BundleContext context) {
        registrations = new ServiceRegistration<?>[] {
            context.registerService(MenuEntry.class, new Entry("problem-report", "entry.report", "report.js", Set.of(Role.CITIZEN)), null),
            context.registerService(MenuEntry.class, new Entry("problem-report-query", "entry.query", "query.js", Set.of(Role.CITIZEN)), null),
            context.registerService(MenuEntry.class, new Entry("problem-report-answer", "entry.answer", "answer.js", Set.of(Role.REVIEWER)), null)};
    }

    @Deactivate
    void stop() {
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
    }
}
