package org.shebao.engine.internal.plugin;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shebao.engine.internal.cluster.ClusterDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which plugins a district office has switched off for its district, kept in the database ({@code
 * SB_DISTRICT_SWITCH}, with who and when) so that every node applies it: the node that switches at once, the others
 * within {@link #REFRESH_SECONDS} seconds. What a citizen sees is what a plugin declares ∩ not switched off.
 * Switches that an earlier version kept in {@code etc/org.shebao.enablement.cfg} ({@code disabled.<district> =
 * id,id}) are taken into the database once, at start.
 */
@Component(service = DistrictEnablement.class, configurationPid = DistrictEnablement.PID)
public class DistrictEnablement {

    public static final String PID = "org.shebao.enablement";
    static final int REFRESH_SECONDS = 2;
    private static final String PREFIX = "disabled.";
    private static final Logger LOG = LoggerFactory.getLogger(DistrictEnablement.class);

    private final ClusterDatabase database;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-district-switches");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, Set<String>> disabled = Map.of();

    @Activate
    public DistrictEnablement(@Reference ClusterDatabase database, Map<String, Object> legacy) throws SQLException {
        this.database = database;
        for (Map.Entry<String, Object> e : legacy.entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                for (String id : ids(String.valueOf(e.getValue()))) {
                    insertIfAbsent(e.getKey().substring(PREFIX.length()), id);
                }
            }
        }
        read();
        refresh.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        refresh.shutdownNow();
    }

    private void insertIfAbsent(String district, String pluginId) throws SQLException {
        try {
            database.update("INSERT INTO SB_DISTRICT_SWITCH (DISTRICT, PLUGINID, ENABLED, CHANGEDAT, CHANGEDBY)"
                    + " VALUES (?, ?, ?, ?, ?)", district, pluginId, false, System.currentTimeMillis(), "etc/" + PID + ".cfg");
        } catch (SQLException e) {
            if (!ClusterDatabase.duplicate(e)) {
                throw e;
            }
        }
    }

    private void refresh() {
        try {
            read();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("District switches not refreshed: {}", e.toString());
        }
    }

    private void read() throws SQLException {
        Map<String, Set<String>> next = new HashMap<>();
        database.query("SELECT DISTRICT, PLUGINID FROM SB_DISTRICT_SWITCH WHERE ENABLED = ?",
                rs -> next.computeIfAbsent(rs.getString(1), d -> new TreeSet<>()).add(rs.getString(2)), false);
        disabled = next;
    }

    private static Set<String> ids(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean enabled(String district, String pluginId) {
        return !disabled.getOrDefault(district, Set.of()).contains(pluginId);
    }

    /** The districts where the plugin is switched off. */
    public Set<String> disabledIn(String pluginId) {
        return disabled.entrySet().stream().filter(e -> e.getValue().contains(pluginId)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> disabled(String district) {
        return Collections.unmodifiableSet(disabled.getOrDefault(district, Set.of()));
    }

    /** Switches the plugin on or off for the district, in the database; in force here at once. */
    public synchronized void set(String district, String pluginId, boolean enabled, String actor) throws SQLException {
        long now = System.currentTimeMillis();
        if (database.update("UPDATE SB_DISTRICT_SWITCH SET ENABLED = ?, CHANGEDAT = ?, CHANGEDBY = ? WHERE DISTRICT = ?"
                + " AND PLUGINID = ?", enabled, now, actor, district, pluginId) == 0) {
            try {
                database.update("INSERT INTO SB_DISTRICT_SWITCH (DISTRICT, PLUGINID, ENABLED, CHANGEDAT, CHANGEDBY)"
                        + " VALUES (?, ?, ?, ?, ?)", district, pluginId, enabled, now, actor);
            } catch (SQLException e) {
                if (!ClusterDatabase.duplicate(e)) {
                    throw e;
                }
                set(district, pluginId, enabled, actor); // another node inserted it meanwhile
                return;
            }
        }
        LOG.info("Plugin {} switched {} for district {} by {}", pluginId, enabled ? "on" : "off", district, actor);
        read();
    }
}
