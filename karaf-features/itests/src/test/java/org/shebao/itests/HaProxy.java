package org.shebao.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's HAProxy (installed by {@code scripts/install-test-deps}) run with the distribution's own example
 * configuration ({@code haproxy/shebao.cfg}), its frontend and servers pointed at this machine's ports.
 */
final class HaProxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private HaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return new File("/usr/sbin/haproxy").canExecute();
    }

    /** Starts HAProxy in front of the nodes (HTTP ports on 127.0.0.1), with the shipped configuration. */
    static HaProxy start(Path distribution, Path work, List<Integer> nodes) throws IOException {
        String shipped = Files.readString(distribution.resolve("haproxy/shebao.cfg"), StandardCharsets.UTF_8);
        int port = ShebaoContainer.freePort();
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            servers.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodes.get(i)).append(" check\n");
        }
        String config = shipped.lines().filter(l -> !l.trim().startsWith("server "))
                .map(l -> l.trim().startsWith("bind ") ? "    bind 127.0.0.1:" + port : l)
                .collect(Collectors.joining("\n", "", "\n")) + servers;
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        return new HaProxy(process, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
