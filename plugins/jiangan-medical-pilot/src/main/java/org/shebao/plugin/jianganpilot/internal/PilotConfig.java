package org.shebao.plugin.jianganpilot.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The pilot's configuration ({@code etc/org.shebao.plugin.jiangan-medical-pilot.cfg}). */
@ObjectClassDefinition(name = "Jiang'an medical pilot")
public @interface PilotConfig {

    @AttributeDefinition(description = "Citizens under this age may join the pilot")
    int ageLimit() default 65;
}
