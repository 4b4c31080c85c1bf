package org.shebao.engine.internal.cluster;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled jobs run once per period across nodes: the first node to insert (job, period) into {@code SB_JOB_RUN}
 * runs it; the others find the key taken and skip.
 */
@Component(service = JobRuns.class)
public class JobRuns {

    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);

    private final ClusterDatabase database;
    private final Node node;

    @Activate
    public JobRuns(@Reference ClusterDatabase database, @Reference Node node) {
        this.database = database;
        this.node = node;
    }

    /** True when this node is to run the job for the period (and has claimed it), false when another node has. */
    public boolean claim(String job, String period) {
        try {
            database.update("INSERT INTO SB_JOB_RUN (JOB, PERIOD, NODE, STARTEDAT) VALUES (?, ?, ?, ?)", job, period,
                    node.id(), System.currentTimeMillis());
            return true;
        } catch (SQLException e) {
            if (ClusterDatabase.duplicate(e)) {
                LOG.debug("Job {} for {} already run by another node", job, period);
                return false;
            }
            throw new IllegalStateException("Cannot claim job " + job + " for " + period + ": " + e.getMessage(), e);
        }
    }
}
