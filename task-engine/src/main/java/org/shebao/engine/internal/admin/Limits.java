package org.shebao.engine.internal.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.shebao.api.ShebaoException.Kind;

/**
 * How far one uploaded archive may expand as it is read: {@link #MAX_BYTES} of entries in all and {@link #MAX_ENTRIES}
 * entries, so that a small upload cannot unfold into gigabytes (a zip bomb). One instance per archive read.
 */
final class Limits {

    static final long MAX_BYTES = 128L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;

    private long total;
    private int entries;

    /** The entry's bytes; refused (413) past the archive's limits. */
    byte[] read(InputStream entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(entry, out);
        return out.toByteArray();
    }

    /** Reads the entry to its end without keeping it (a signed jar's digests are checked as it is read). */
    void drain(InputStream entry) throws IOException {
        copy(entry, null);
    }

    private void copy(InputStream entry, ByteArrayOutputStream out) throws IOException {
        if (++entries > MAX_ENTRIES) {
            throw PluginUpload.refusal(Kind.TOO_LARGE, "plugin-too-large", "admin.plugin.tooManyEntries", MAX_ENTRIES);
        }
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = entry.read(buffer)) > 0;) {
            total += n;
            if (total > MAX_BYTES) {
                throw PluginUpload.refusal(Kind.TOO_LARGE, "plugin-too-large", "admin.plugin.expandsTooFar",
                        MAX_BYTES / 1024 / 1024);
            }
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
    }
}
