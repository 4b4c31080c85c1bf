package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code shebao:plugin-disable <district> <plugin>}: switches a plugin off for a district (its tasks stay). */
@Service
@Command(scope = "shebao", name = "plugin-disable", description = "Switches a business plugin off for a district")
public class PluginDisableCommand extends DistrictSwitch {

    @Override
    boolean on() {
        return false;
    }
}
