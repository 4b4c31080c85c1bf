package org.shebao.api.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The component properties of a {@link BusinessType} (a DS component property type): where the console lists it
 * and which districts it serves. Its id is the plugin's (the bundle's {@value Plugins#HEADER} header, which the build
 * derives from the artifactId); its version is the bundle's; its name is the plugin's text {@code name}.
 * <pre>
 * &#64;Component(service = BusinessType.class)
 * &#64;Business(group = MenuGroup.DECLARATION, districts = "420102")
 * public class PilotBusiness implements BusinessType { … }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Business {

    /** The properties' prefix: {@code shebao.business.group}, {@code shebao.business.districts}, … */
    String PREFIX_ = "shebao.business.";

    /** Where the console lists it. */
    MenuGroup group() default MenuGroup.PERSONAL_BUSINESS;

    /** The district codes it serves; none for every district. */
    String[] districts() default {};

    /**
     * Another id than the plugin's, for a bundle that brings several businesses (test bundles do); empty for the
     * plugin's id.
     */
    String id() default "";
}
