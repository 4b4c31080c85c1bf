package org.shebao.engine.internal.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.shebao.api.ShebaoException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which uploaded plugin jars may be installed ({@code etc/org.shebao.plugins.cfg}): those whose every entry is signed,
 * intact, by a certificate listed in {@code trustedCertificates} (or one such a certificate issued). With
 * {@code allowUnsigned} (the demo only) any jar passes.
 */
@Component(service = PluginSignatures.class, configurationPid = PluginSignatures.PID)
@Designate(ocd = PluginSignatures.Config.class)
public class PluginSignatures {

    public static final String PID = "org.shebao.plugins";
    private static final Logger LOG = LoggerFactory.getLogger(PluginSignatures.class);

    @ObjectClassDefinition(name = "Shebao plugin uploads")
    public @interface Config {
        @AttributeDefinition(description = "PEM files (absolute, or relative to etc/) of the certificates whose "
                + "signatures make an uploaded plugin jar installable")
        String[] trustedCertificates() default {};

        @AttributeDefinition(description = "Install unsigned plugin jars too: the demo only")
        boolean allowUnsigned() default false;
    }

    private volatile boolean allowUnsigned;
    private volatile Set<Certificate> trusted = Set.of();

    @Activate
    @Modified
    void configure(Config config) {
        Set<Certificate> certificates = new HashSet<>();
        for (String name : String.join(",", config.trustedCertificates()).split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = Path.of(System.getProperty("karaf.etc", "etc")).resolve(name.trim());
            try (InputStream in = Files.newInputStream(file)) {
                certificates.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
            } catch (IOException | CertificateException e) {
                LOG.error("Trusted certificate {} not read, so not trusted: {}", file, e.toString());
            }
        }
        this.trusted = Set.copyOf(certificates);
        this.allowUnsigned = config.allowUnsigned();
        LOG.info("Plugin uploads: {} trusted certificates, unsigned jars {}", trusted.size(),
                allowUnsigned ? "allowed (demo)" : "refused");
    }

    /** Refused (400) unless the jar is signed by a trusted certificate, whole and unchanged, or unsigned ones pass. */
    public void require(byte[] jar) {
        if (allowUnsigned) {
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean anySigned = false;
        boolean anyUnsigned = false;
        boolean anyUntrusted = false;
        Limits limits = new Limits();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), true)) {
            if (in.getManifest() == null) {
                throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-unsigned", "admin.plugin.unsigned");
            }
            for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                if (e.isDirectory() || signatureFile(e.getName())) {
                    continue;
                }
                limits.drain(in); // the digest is checked as the entry is read: a change throws SecurityException
                seen.add(e.getName());
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null) {
                    anyUnsigned = true;
                } else {
                    anySigned = true;
                    anyUntrusted |= !trustedAmong(signers);
                }
            }
            if (!anySigned) {
                throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-unsigned", "admin.plugin.unsigned");
            }
            if (anyUnsigned || !seen.containsAll(in.getManifest().getEntries().keySet())) {
                throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-signature-invalid", "admin.plugin.signatureInvalid");
            }
            if (anyUntrusted) {
                throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-untrusted", "admin.plugin.untrusted");
            }
        } catch (SecurityException e) {
            throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-signature-invalid", "admin.plugin.signatureInvalid");
        } catch (IOException e) {
            throw PluginUpload.refusal(Kind.BAD_INPUT, "plugin-not-a-bundle", "admin.plugin.notBundle");
        }
    }

    private boolean trustedAmong(CodeSigner[] signers) {
        Set<Certificate> current = trusted;
        for (CodeSigner signer : signers) {
            List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
            if (chain.stream().anyMatch(current::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean signatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0 && (upper.endsWith(".SF")
                || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-"));
    }
}
