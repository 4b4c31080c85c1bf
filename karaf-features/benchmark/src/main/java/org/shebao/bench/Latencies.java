package org.shebao.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Latency percentiles as the benchmark prints them. */
final class Latencies {

    private Latencies() {
    }

    /** "p50 / p99" in ms ("none answered" when nothing was: the run's errors say why). */
    static String summary(Collection<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "none answered";
        }
        return String.format("%.0f / %.0f ms", at(sorted, 0.50), at(sorted, 0.99));
    }

    static void print(String what, Collection<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("  %s n=0%n", what);
            return;
        }
        System.out.printf("  %s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
