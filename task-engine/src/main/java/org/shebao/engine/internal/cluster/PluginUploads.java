package org.shebao.engine.internal.cluster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugins administrators uploaded or removed, kept in the database ({@code SB_PLUGIN_UPLOAD}: the jar, its
 * version and digest, who and when; a removal keeps the row and its jar, marked removed) so that every node
 * reconciles its own {@code deploy/} folder and features from there.
 */
@Component(service = PluginUploads.class)
public class PluginUploads {

    /** What should run for a plugin id, on every node. */
    public record Desired(String pluginId, String version, String sha256, boolean removed) {
    }

    private final ClusterDatabase database;

    @Activate
    public PluginUploads(@Reference ClusterDatabase database) {
        this.database = database;
    }

    public List<Desired> all() {
        try {
            return database.query("SELECT PLUGINID, VERSION, SHA256, REMOVED FROM SB_PLUGIN_UPLOAD", rs -> new Desired(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the uploaded plugins: " + e.getMessage(), e);
        }
    }

    public Optional<Desired> find(String pluginId) {
        return all().stream().filter(d -> d.pluginId().equals(pluginId)).findFirst();
    }

    public byte[] jar(String pluginId) {
        try {
            return database.query("SELECT JAR FROM SB_PLUGIN_UPLOAD WHERE PLUGINID = ?", rs -> rs.getBytes(1), pluginId)
                    .stream().findFirst().orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the jar of " + pluginId + ": " + e.getMessage(), e);
        }
    }

    /** Records an upload that now runs on this node. */
    public void uploaded(String pluginId, String symbolicName, String version, byte[] jar, String actor) {
        save(pluginId, symbolicName, version, jar, false, actor);
    }

    /** Records a removal: every node takes the plugin out; the last jar stays in the row. */
    public void removed(String pluginId, String symbolicName, String version, String actor) {
        byte[] last = find(pluginId).map(d -> jar(pluginId)).orElse(new byte[0]);
        save(pluginId, symbolicName, version, last, true, actor);
    }

    private void save(String pluginId, String symbolicName, String version, byte[] jar, boolean removed, String actor) {
        long now = System.currentTimeMillis();
        String sha = sha256(jar);
        try {
            if (database.update("UPDATE SB_PLUGIN_UPLOAD SET SYMBOLICNAME = ?, VERSION = ?, SHA256 = ?, JAR = ?, REMOVED = ?,"
                    + " CHANGEDAT = ?, CHANGEDBY = ? WHERE PLUGINID = ?", symbolicName, version, sha, jar, removed, now, actor,
                    pluginId) == 0) {
                database.update("INSERT INTO SB_PLUGIN_UPLOAD (PLUGINID, SYMBOLICNAME, VERSION, SHA256, JAR, REMOVED,"
                        + " CHANGEDAT, CHANGEDBY) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", pluginId, symbolicName, version, sha, jar,
                        removed, now, actor);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record plugin " + pluginId + ": " + e.getMessage(), e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
