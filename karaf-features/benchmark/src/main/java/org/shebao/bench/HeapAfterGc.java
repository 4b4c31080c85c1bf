package org.shebao.bench;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platform's heap in use right after a full GC ({@code jcmd GC.run}), as {@code /metrics} reports it. */
final class HeapAfterGc {

    private static final Pattern HEAP = Pattern.compile("(?m)^shebao_jvm_memory_used_bytes\\{area=\"heap\",[^}]*} (\\S+)$");

    private HeapAfterGc() {
    }

    static long measure(long pid, BenchHttp http) throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        String metrics = http.send(null, "GET", "/metrics", null).body();
        double used = 0;
        for (Matcher m = HEAP.matcher(metrics); m.find();) {
            used += Double.parseDouble(m.group(1));
        }
        return (long) used;
    }
}
