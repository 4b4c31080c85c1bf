package org.shebao.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** A plugin's menu entries that are not task businesses, registered as one OSGi service. */
@ConsumerType
public interface MenuEntries {

    List<MenuEntry> entries();
}
