package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.shebao.engine.internal.admin.PluginInfos;

/** {@code shebao:plugin-list}: the business plugins, their versions, states, districts and open tasks. */
@Service
@Command(scope = "shebao", name = "plugin-list", description = "Lists the business plugins")
public class PluginListCommand implements Action {

    @Reference
    PluginInfos plugins;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Plugin");
        table.column("Version");
        table.column("State");
        table.column("Bundle");
        table.column("Declared districts");
        table.column("Switched off in");
        table.column("Open tasks");
        table.column("Source");
        for (PluginInfos.PluginInfo p : plugins.list()) {
            table.addRow().addContent(p.id(), p.version(), p.bundleState(), p.bundleId(),
                    p.districts().isEmpty() ? "all" : String.join(",", p.districts()), String.join(",", p.disabledIn()),
                    p.openTasks(), p.source());
        }
        table.print(System.out);
        return null;
    }
}
