package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.plugin.DistrictEnablement;

/** What {@code plugin-enable} and {@code plugin-disable} share: a district, a plugin, one switch. */
abstract class DistrictSwitch implements Action {

    @Reference
    DistrictEnablement enablement;

    @Reference
    AuditLog audit;

    @Argument(index = 0, name = "district", required = true, description = "District code, e.g. 420102")
    String district;

    @Argument(index = 1, name = "plugin", required = true, description = "Plugin id, e.g. suspend")
    String plugin;

    abstract boolean on();

    @Override
    public Object execute() throws Exception {
        if (!district.matches("\\d{6}")) {
            System.out.println("A district code has six digits: " + district);
            return null;
        }
        enablement.set(district, plugin, on(), "shell");
        audit.record("shell", on() ? "PLUGIN_SWITCHED_ON" : "PLUGIN_SWITCHED_OFF", plugin, district, null, null);
        System.out.println(plugin + (on() ? " switched on for " : " switched off for ") + district);
        return null;
    }
}
