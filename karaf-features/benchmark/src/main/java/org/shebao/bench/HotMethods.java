package org.shebao.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR profile of one measured phase of the platform's JVM ({@code jcmd JFR.start}/{@code JFR.stop}, settings
 * "profile"), and its hot methods as the figures' companion: the 10 methods most often on top of a sampled stack (self
 * time) and the 10 of our own code most often anywhere on it (time spent in and under them).
 */
final class HotMethods {

    private static final int TOP = 10;

    private final long pid;
    private final String name;
    private final Path file;

    private HotMethods(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    /** Starts recording the process; the file is written when {@link #stop()} is called. */
    static HotMethods start(long pid, String name, Path file) throws IOException, InterruptedException {
        HotMethods profile = new HotMethods(pid, name, file);
        profile.jcmd("JFR.start", "name=" + name, "settings=profile");
        return profile;
    }

    /** Stops the recording and prints its two top-10 lists. */
    void stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            self.merge(method(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = method(f);
                if (m.startsWith("org.shebao.") && seen.add(m)) {
                    ours.merge(m, 1, Integer::sum);
                }
            }
        }
        System.out.printf("Hot methods, %s (%d samples, %s):%n", name, samples, file.getFileName());
        print("self", self, samples);
        print("ours, inclusive", ours, samples);
    }

    private static void print(String what, Map<String, Integer> counts, int samples) {
        System.out.printf("  %s:%n", what);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(c -> System.out.printf("  %5.1f%%  %s%n", 100.0 * c.getValue() / Math.max(1, samples), c.getKey()));
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        ProcessBuilder jcmd = new ProcessBuilder("jcmd", Long.toString(pid));
        jcmd.command().addAll(List.of(command));
        Process p = jcmd.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + ": " + out);
        }
    }
}
