package org.shebao.engine.internal.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.engine.internal.cluster.AuditLog;
import org.shebao.engine.internal.cluster.ClusterDatabase;

/**
 * {@code shebao:backup <folder>}: an online backup of the embedded Derby database while the platform serves
 * (Derby's {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}: a consistent copy, writes wait only while it is taken). The copy
 * is {@code <folder>/shebao}; restoring it is putting that folder in place of {@code data/derby/shebao} of a stopped
 * distribution (README). On PostgreSQL the database is backed up with its own tools ({@code pg_dump}).
 */
@Service
@Command(scope = "shebao", name = "backup", description = "Online backup of the embedded Derby database into a folder")
public class BackupCommand implements Action {

    @Reference
    ClusterDatabase database;

    @Reference
    AuditLog audit;

    @Argument(index = 0, name = "folder", required = true, description = "Where the copy goes (its shebao/ must not exist)")
    String folder;

    @Override
    public Object execute() throws SQLException, IOException {
        // printed, not returned: the shell prints returned values only at an interactive console, not for bin/client -b
        System.out.println(run());
        return null;
    }

    private String run() throws SQLException, IOException {
        if (database.postgres()) {
            return "The platform runs on PostgreSQL: back it up with pg_dump (see the README); nothing done.";
        }
        Path target = Path.of(folder).toAbsolutePath().normalize();
        if (Files.exists(target.resolve("shebao"))) {
            return target.resolve("shebao") + " exists already: choose an empty folder; nothing done.";
        }
        Files.createDirectories(target);
        long start = System.nanoTime();
        try (Connection c = database.dataSource().getConnection();
                CallableStatement backup = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, target.toString());
            backup.execute();
        }
        long bytes;
        try (Stream<Path> files = Files.walk(target.resolve("shebao"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        audit.record("shell", "BACKUP", target.resolve("shebao").toString(), null, null, bytes + " bytes");
        return String.format("Backed up to %s: %,d bytes in %.1f s", target.resolve("shebao"), bytes,
                (System.nanoTime() - start) / 1e9);
    }
}
