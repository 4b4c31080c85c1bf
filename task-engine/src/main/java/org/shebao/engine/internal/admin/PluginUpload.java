package org.shebao.engine.internal.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Version;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.spi.Plugins;
import org.shebao.engine.internal.Messages;

/**
 * A plugin as uploaded, read before anything changes: a bundle jar (or the one plugin bundle inside a kar's
 * repository) with the plugin header, built against the platform API's major version.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param pluginId     the plugin header
 * @param apiMajor     the major version of {@code org.shebao.api.spi} it imports, or -1 when it imports none
 * @param jar          the bundle's bytes
 */
record PluginUpload(String symbolicName, Version version, String pluginId, int apiMajor, byte[] jar) {

    private static final Pattern SPI_IMPORT = Pattern.compile("org\\.shebao\\.api\\.spi;[^,]*version=\"?[\\[(]?(\\d+)");

    /**
     * The upload, or a refusal that says why it is not a plugin; every jar it holds (itself, or each jar inside a kar)
     * passes the check first.
     */
    static PluginUpload read(byte[] file, Consumer<byte[]> eachJar) {
        if (file == null || file.length == 0) {
            throw refusal(Kind.BAD_INPUT, "plugin-empty", "admin.plugin.empty");
        }
        PluginUpload direct = manifestOf(file);
        if (direct != null) {
            eachJar.accept(file);
            return direct;
        }
        Limits limits = new Limits();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            List<PluginUpload> inside = new ArrayList<>();
            boolean any = false;
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                any = true;
                byte[] bytes = limits.read(zip);
                if (e.getName().endsWith(".jar")) {
                    eachJar.accept(bytes);
                    PluginUpload u = e.getName().startsWith("repository/") ? manifestOf(bytes) : null;
                    if (u != null) {
                        inside.add(u);
                    }
                }
            }
            if (!any) {
                throw refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
            }
            if (inside.size() != 1) {
                throw refusal(Kind.BAD_INPUT, "plugin-no-header", "admin.plugin.noHeader");
            }
            return inside.get(0);
        } catch (IOException e) {
            throw refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
        }
    }

    /** The upload if the bytes are a bundle jar with a plugin header; null if not a jar with a bundle manifest. */
    private static PluginUpload manifestOf(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        manifest = new Manifest(in);
                        break;
                    }
                }
            }
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return null;
            }
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
            String id = manifest.getMainAttributes().getValue(Plugins.HEADER);
            if (id == null || !id.trim().matches("[a-z0-9][a-z0-9-]{1,63}")) {
                throw refusal(Kind.BAD_INPUT, "plugin-no-header", "admin.plugin.noHeader");
            }
            Version version;
            try {
                version = Version.parseVersion(manifest.getMainAttributes().getValue("Bundle-Version"));
            } catch (IllegalArgumentException e) {
                throw refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
            }
            String imports = manifest.getMainAttributes().getValue("Import-Package");
            Matcher spi = SPI_IMPORT.matcher(imports == null ? "" : imports.replaceAll("\\s", ""));
            return new PluginUpload(bsn, version, id.trim(), spi.find() ? Integer.parseInt(spi.group(1)) : -1, jar);
        } catch (IOException e) {
            return null;
        }
    }

    /** Refused unless it was built against the platform API of this major version. */
    void requireApi(int platformMajor) {
        if (apiMajor != platformMajor) {
            throw new ShebaoException(Kind.BAD_INPUT, "plugin-old-api", Messages.text("admin.plugin.oldApi", pluginId,
                    apiMajor < 0 ? "?" : apiMajor + ".x", platformMajor + ".x"));
        }
    }

    static ShebaoException refusal(Kind kind, String code, String key, Object... args) {
        return new ShebaoException(kind, code, Messages.text(key, args));
    }
}
