package org.shebao.plugin.arrearspayment.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.shebao.api.spi.MenuEntries;
import org.shebao.api.spi.MenuEntry;
import org.shebao.api.spi.MenuGroup;

/** 个人业务申报 → 生成欠费补缴单: the plugin's own screen ({@code ui/slips.js}) for the payment slip. */
@Component(service = MenuEntries.class)
public class SlipMenuEntry implements MenuEntries {

    @Override
    public List<MenuEntry> entries() {
        return List.of(MenuEntry.forCitizens("arrears-slip", MenuGroup.DECLARATION, "slips.js"));
    }
}
