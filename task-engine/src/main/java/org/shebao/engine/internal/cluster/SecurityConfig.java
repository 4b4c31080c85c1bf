package org.shebao.engine.internal.cluster;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.shebao.security.cfg}: trusted proxies and the login throttle. */
@ObjectClassDefinition(name = "Shebao security")
public @interface SecurityConfig {

    String PID = "org.shebao.security";

    @AttributeDefinition(description = "Addresses of the load balancers whose X-Forwarded-For is believed, comma-separated")
    String trustedProxies() default "";

    @AttributeDefinition(description = "Origins besides the platform's own from which state-changing requests are accepted, "
            + "comma-separated (https://hall.example.gov.cn)")
    String allowedOrigins() default "";

    @AttributeDefinition(description = "Largest JSON request body, in bytes (413 above it, before parsing)")
    int maxJsonBytes() default 256 * 1024;

    @AttributeDefinition(description = "Largest other request body (plugin uploads, photos, reconciliation files), in bytes")
    int maxUploadBytes() default 10 * 1024 * 1024;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations of new password hashes; older hashes are "
            + "rehashed at their next login")
    int passwordIterations() default 600_000;

    @AttributeDefinition(description = "Failures for one login within the window that lock it")
    int loginFailures() default 5;

    @AttributeDefinition(description = "Failures from one client address within the window that block it")
    int addressFailures() default 30;

    @AttributeDefinition(description = "Minutes in which failures count")
    int windowMinutes() default 15;

    @AttributeDefinition(description = "Minutes a login or an address stays locked after its last failure")
    int lockMinutes() default 15;
}
