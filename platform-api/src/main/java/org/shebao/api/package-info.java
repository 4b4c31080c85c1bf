/** Errors and values shared by the platform and its plugins. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.shebao.api;
