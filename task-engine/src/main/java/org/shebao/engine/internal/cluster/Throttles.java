package org.shebao.engine.internal.cluster;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Counters for limits per client address or per login, kept in the database ({@code SB_THROTTLE}) so that every
 * node behind a round-robin balancer counts the same hits. Fixed windows: a bucket is the key and the window's
 * start; expired buckets are deleted as they are met.
 */
@Component(service = Throttles.class)
public class Throttles {

    private final ClusterDatabase database;
    private final Clock clock;

    @Activate
    public Throttles(@Reference ClusterDatabase database, @Reference Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Counts one hit for the key in the current window of the given length; answers the hits so far, this one included. */
    public int hit(String key, long windowMillis) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        String bucket = key + "@" + start;
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (database.update("UPDATE SB_THROTTLE SET HITS = HITS + 1 WHERE BUCKET = ?", bucket) == 1) {
                    return hits(bucket);
                }
                try {
                    database.update("INSERT INTO SB_THROTTLE (BUCKET, HITS, EXPIRESAT) VALUES (?, 1, ?)", bucket,
                            start + windowMillis);
                    if (Math.floorMod(now, 16) == 0) {
                        database.update("DELETE FROM SB_THROTTLE WHERE EXPIRESAT < ?", now);
                    }
                    return 1;
                } catch (SQLException e) {
                    if (!ClusterDatabase.duplicate(e)) {
                        throw e;
                    }
                    // another node made the bucket meanwhile: count on it
                }
            }
            throw new IllegalStateException("Cannot count " + bucket);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + bucket + ": " + e.getMessage(), e);
        }
    }

    private int hits(String bucket) throws SQLException {
        List<Integer> hits = database.query("SELECT HITS FROM SB_THROTTLE WHERE BUCKET = ?", rs -> rs.getInt(1), bucket);
        return hits.isEmpty() ? 0 : hits.get(0);
    }
}
