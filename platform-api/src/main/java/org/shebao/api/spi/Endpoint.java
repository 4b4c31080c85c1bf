package org.shebao.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's own REST resource, registered as an OSGi service of this type (one per plugin): the platform serves it
 * as a JAX-RS sub-resource at {@code /api/plugins/<plugin id>/}, so that the {@code @Path} of its methods is
 * relative ({@code @Path("gaps")}; a class-level {@code @Path} is ignored) and a copy of the plugin under another id
 * serves its own. More resources hang off it with sub-resource locators ({@code @Path("slips") SlipsEndpoint slips()}).
 * One instance answers every request: take the request's contexts as method parameters
 * ({@code @Context SecurityContext security}), never as fields. Requests are authenticated, answer JSON and
 * problem+json like every {@code /api} resource, and those that change something are refused where the plugin is
 * switched off for the caller's district.
 */
@ConsumerType
public interface Endpoint {
}
