package org.shebao.engine.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelogs applied in full, each by its path and the SHA-256 of its text ({@code SB_CHANGELOG_APPLIED}, made
 * by the engine's changelog): a changelog whose very text was applied before has nothing left to do, so a start
 * does not pay for Liquibase's parse, lock and checks (about 1.6 s of a restart). A changelog that reads other
 * files or runs always is never fingerprinted: Liquibase looks at it each time. Another version of a bundle (another
 * text) is applied by Liquibase and then recorded beside the first: nodes of both versions skip it.
 */
final class ChangelogFingerprints {

    static final String TABLE = "SB_CHANGELOG_APPLIED";
    private static final Logger LOG = LoggerFactory.getLogger(ChangelogFingerprints.class);
    /**
     * What makes a changelog's effect depend on more than its own text (lower case): files it includes or reads
     * (includes, SQL and data files, a procedure's or properties' file), changesets that run always, commands.
     */
    private static final List<String> OUTSIDE_ITS_TEXT = List.of("include", "runalways", "sqlfile", "loaddata",
            "loadupdatedata", "executecommand", "path=", "file=");

    private ChangelogFingerprints() {
    }

    /**
     * The changelog's SHA-256, or none when it is not XML (its own text is checked for XML's elements only), its
     * effect depends on more than its text, or it cannot be read.
     */
    static Optional<String> of(ClassLoader loader, String changelog) {
        String path = changelog.startsWith("classpath:") ? changelog.substring("classpath:".length()) : changelog;
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] text = in.readAllBytes();
            String content = new String(text, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (OUTSIDE_ITS_TEXT.stream().anyMatch(content::contains)) {
                return Optional.empty();
            }
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** Whether this text of the changelog was applied in full; no (Liquibase decides) when the table is missing. */
    static boolean applied(DataSource dataSource, String changelog, String sha256) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM " + TABLE + " WHERE CHANGELOG = ? AND SHA256 = ?")) {
            select.setString(1, changelog);
            select.setString(2, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            LOG.debug("No fingerprint of {} read: {}", changelog, e.getMessage());
            return false;
        }
    }

    /** Records that Liquibase applied this text in full (kept when another node recorded it first). */
    static void record(DataSource dataSource, String changelog, String sha256) {
        if (applied(dataSource, changelog, sha256)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (CHANGELOG, SHA256) VALUES (?, ?)")) {
            insert.setString(1, changelog);
            insert.setString(2, sha256);
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // another node's insert of the same row, or no table: Liquibase will look again at the next start
            LOG.debug("Fingerprint of {} not recorded: {}", changelog, e.getMessage());
        }
    }
}
