package org.shebao.bench;

import java.util.Collection;

/** One measured drive: tasks completed per second and the latencies of save, submit and submit → decided. */
record Run(double perSecond, Collection<Long> saves, Collection<Long> submits, Collection<Long> decisions) {

    String row(String what) {
        return String.format("| %-34s | %7.1f | %-15s | %-15s | %-17s |", what, perSecond, Latencies.summary(saves),
                Latencies.summary(submits), Latencies.summary(decisions));
    }
}
