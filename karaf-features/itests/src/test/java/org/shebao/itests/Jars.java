package org.shebao.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Variants of a plugin jar, as a developer would build them (another manifest, extra resources: unsigned, as a
 * local build is), and as an attacker would make them (a signed jar changed, its signature files kept).
 */
final class Jars {

    private Jars() {
    }

    /** The jar rebuilt with its manifest changed (unsigned). */
    static byte[] withManifest(byte[] jar, Consumer<Attributes> change) throws Exception {
        return with(jar, change, Map.of());
    }

    /** The jar rebuilt with its manifest changed and the given text entries added or replaced (unsigned). */
    static byte[] with(byte[] jar, Consumer<Attributes> change, Map<String, String> entries) throws Exception {
        return copy(jar, change, entries, false);
    }

    /** A signed jar changed after signing, its signature files kept: what a signature check must refuse. */
    static byte[] tampered(byte[] jar, Consumer<Attributes> change, Map<String, String> entries) throws Exception {
        return copy(jar, change, entries, true);
    }

    private static byte[] copy(byte[] jar, Consumer<Attributes> change, Map<String, String> entries, boolean keepSignature)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false)) {
            Manifest manifest = new Manifest(in.getManifest());
            if (!keepSignature) {
                manifest.getEntries().clear();
            }
            change.accept(manifest.getMainAttributes());
            try (JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    if (!entries.containsKey(e.getName()) && (keepSignature || !signatureFile(e.getName()))) {
                        jarOut.putNextEntry(new JarEntry(e.getName()));
                        in.transferTo(jarOut);
                        jarOut.closeEntry();
                    }
                }
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(e.getKey()));
                    jarOut.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    jarOut.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private static boolean signatureFile(String name) {
        return name.matches("(?i)META-INF/[^/]+\\.(SF|EC|RSA|DSA)");
    }

    /** The jar without its signature: no signature files, no per-entry digests in the manifest. */
    static byte[] unsigned(byte[] jar) throws Exception {
        return with(jar, a -> { }, Map.of());
    }

    /** A kar (a zip with a repository/ folder) holding the jars at the paths given. */
    static byte[] kar(Map<String, byte[]> jars) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : jars.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry("repository/" + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
