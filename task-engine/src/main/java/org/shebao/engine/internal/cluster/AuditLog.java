package org.shebao.engine.internal.cluster;

import java.sql.SQLException;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit: who did what to what, when, from where, in one table ({@code SB_AUDIT}) for every node. An entry that
 * cannot be written is logged, and the action it records is not undone.
 */
@Component(service = AuditLog.class)
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final ClusterDatabase database;
    private final Clock clock;

    @Activate
    public AuditLog(@Reference ClusterDatabase database, @Reference Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records one action; texts are cut to their columns. */
    public void record(String actor, String action, String target, String district, String address, String detail) {
        try {
            database.update("INSERT INTO SB_AUDIT (HAPPENEDAT, ACTOR, ACTION, TARGET, DISTRICT, ADDRESS, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    clock.millis(), cut(actor == null ? "" : actor, 64), action, cut(target, 200), district,
                    cut(address, 64), cut(detail, 1000));
        } catch (SQLException e) {
            LOG.error("Audit entry not written: {} {} {}: {}", actor, action, target, e.toString());
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
