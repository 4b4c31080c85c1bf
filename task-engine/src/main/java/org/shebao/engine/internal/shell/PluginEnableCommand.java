package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code shebao:plugin-enable <district> <plugin>}: switches a plugin on for a district. */
@Service
@Command(scope = "shebao", name = "plugin-enable", description = "Switches a business plugin on for a district")
public class PluginEnableCommand extends DistrictSwitch {

    @Override
    boolean on() {
        return true;
    }
}
