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

/** Variants of a plugin jar, as a developer would build them: another manifest, extra resources. */
final class Jars {

    private Jars() {
    }

    /** The jar with its manifest changed. */
    static byte[] withManifest(byte[] jar, Consumer<Attributes> change) throws Exception {
        return with(jar, change, Map.of());
    }

    /** The jar with its manifest changed and the given text entries added (or replaced). */
    static byte[] with(byte[] jar, Consumer<Attributes> change, Map<String, String> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            change.accept(manifest.getMainAttributes());
            try (JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    if (!entries.containsKey(e.getName())) {
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
}
