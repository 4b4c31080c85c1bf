/** The bureau's records of insured persons, as values and services. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.shebao.api.records;
