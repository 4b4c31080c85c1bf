package org.shebao.engine.internal.task;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.shebao.review.cfg}: the review delay and the approval pipeline. */
@ObjectClassDefinition(name = "Shebao review", description = "Review delay and approval workers")
public @interface ReviewConfig {

    String PID = "org.shebao.review";

    @AttributeDefinition(description = "Seconds a submitted task waits before the automatic review (0 in tests)")
    int delaySeconds() default 3;

    @AttributeDefinition(description = "Approval workers on this node")
    int workers() default 2;

    @AttributeDefinition(description = "Milliseconds between looks for due tasks")
    long pollMillis() default 250;

    @AttributeDefinition(description = "Seconds a claim holds before another worker may take the task")
    int leaseSeconds() default 60;

    @AttributeDefinition(description = "Tasks claimed at once")
    int batchSize() default 50;
}
