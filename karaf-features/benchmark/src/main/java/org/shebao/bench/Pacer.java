package org.shebao.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop schedule shared by the clients: the n-th task is due at start + n / rate, whatever became of the
 * ones before (so that a slow answer does not slow the offered load down and hide its own delay).
 */
final class Pacer {

    private final double perSecond;
    private final long start = System.nanoTime();
    private final AtomicLong next = new AtomicLong();

    Pacer(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Waits for the next slot of the schedule. */
    void await() throws InterruptedException {
        long due = start + (long) (next.getAndIncrement() * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
