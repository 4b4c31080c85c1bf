/**
 * What the hall tells a person without their asking: an inbox entry for each event ({@link Notifications}), and its
 * delivery beyond the console through the {@link Notifier}s plugins provide (an SMS gateway, a mini-program push).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.shebao.api.notify;
