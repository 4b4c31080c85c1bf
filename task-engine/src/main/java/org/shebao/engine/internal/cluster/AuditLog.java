package org.shebao.engine.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit: who did what to what, when, from where, in one table ({@code SB_AUDIT}) for every node. An entry that
 * cannot be written is logged, and the action it records is not undone.
 * <p>
 * Entries are written in group commits: a caller's entry joins those of the other requests of the moment, one
 * writer inserts them as one batch in one transaction, and the caller returns once its entry is committed. Under
 * load that is one log flush for many entries instead of one each (the audit had cost every save and submit a
 * commit of its own); nothing is acknowledged before it is durable.
 */
@Component(service = AuditLog.class)
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String INSERT = "INSERT INTO SB_AUDIT (HAPPENEDAT, ACTOR, ACTION, TARGET, DISTRICT, ADDRESS,"
            + " DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 30;

    private record Entry(Object[] values, CompletableFuture<Void> written) {
    }

    private final ClusterDatabase database;
    private final Clock clock;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    @Activate
    public AuditLog(@Reference ClusterDatabase database, @Reference Clock clock) {
        this.database = database;
        this.clock = clock;
        this.writer = new Thread(this::write, "shebao-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false; // no interrupt: Derby may close a connection interrupted in a statement
        writer.join(10_000);
        writeLeft();
    }

    /** What is queued, on the caller's thread: after the writer stopped. */
    private void writeLeft() {
        List<Entry> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            commit(left);
        }
    }

    /** Records one action, once it is committed; texts are cut to their columns. */
    public void record(String actor, String action, String target, String district, String address, String detail) {
        Entry entry = new Entry(new Object[] {clock.millis(), cut(actor == null ? "" : actor, 64), action, cut(target, 200),
                district, cut(address, 64), cut(detail, 1000)}, new CompletableFuture<>());
        queue.add(entry);
        if (!running) {
            writeLeft(); // the writer has stopped, or is stopping: no entry waits for it
        }
        try {
            entry.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Audit entry not written: {} {} {}: {}", actor, action, target, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        while (running) {
            List<Entry> batch = new ArrayList<>();
            try {
                Entry first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
        }
    }

    /** The entries in one transaction; if that fails, each on its own, and each that still fails is told. */
    private void commit(List<Entry> batch) {
        if (!commitTogether(batch) && batch.size() > 1) {
            batch.forEach(entry -> commitTogether(List.of(entry)));
        }
    }

    private boolean commitTogether(List<Entry> batch) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (Entry e : batch) {
                    for (int i = 0; i < e.values().length; i++) {
                        s.setObject(i + 1, e.values()[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            batch.forEach(e -> e.written().complete(null));
            return true;
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(e);
            }
            return false;
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
