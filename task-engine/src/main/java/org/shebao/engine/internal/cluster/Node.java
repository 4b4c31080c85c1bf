package org.shebao.engine.internal.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * This node's name among the nodes sharing the database, kept in the data folder ({@code shebao/node-id}) so that a
 * restarted node recognises its own claims, and named in job runs and cross-node events.
 */
@Component(service = Node.class)
public class Node {

    private final String id;

    @Activate
    public Node(BundleContext context) {
        String data = context.getProperty("karaf.data");
        Path file = Path.of(data == null ? "." : data, "shebao", "node-id");
        try {
            if (Files.exists(file)) {
                id = Files.readString(file, StandardCharsets.UTF_8).trim();
            } else {
                Files.createDirectories(file.getParent());
                id = "node-" + UUID.randomUUID().toString().substring(0, 8);
                Files.writeString(file, id, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the node id in " + file, e);
        }
    }

    public String id() {
        return id;
    }
}
