package org.shebao.itests;

import java.util.function.BooleanSupplier;

/** Polling with a deadline, for what happens asynchronously. */
public final class Waits {

    private Waits() {
    }

    public static void until(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError | RuntimeException e) {
                last = e instanceof AssertionError a ? a : new AssertionError(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        AssertionError timeout = new AssertionError("timed out after " + seconds + " s waiting for " + what);
        if (last != null) {
            timeout.initCause(last);
        }
        throw timeout;
    }
}
