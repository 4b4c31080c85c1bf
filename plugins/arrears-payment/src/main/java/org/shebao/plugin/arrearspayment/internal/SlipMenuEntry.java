package org.shebao.plugin.arrearspayment.internal;

import org.osgi.service.component.annotations.Component;
import org.shebao.api.i18n.Text;
import org.shebao.api.spi.MenuEntry;
import org.shebao.api.spi.MenuGroup;

import static org.shebao.plugin.arrearspayment.internal.ArrearsRules.t;

/** 生成欠费补缴单 in the console's 个人业务申报 menu: the plugin's own screen ({@code ui/slips.js}). */
@Component(service = MenuEntry.class)
public class SlipMenuEntry implements MenuEntry {

    @Override
    public String id() {
        return "arrears-slip";
    }

    @Override
    public Text label() {
        return t("entry.slip");
    }

    @Override
    public MenuGroup group() {
        return MenuGroup.DECLARATION;
    }

    @Override
    public String uiModule() {
        return "/api/plugins/" + ArrearsPaymentBusiness.ID + "/ui/slips.js";
    }
}
