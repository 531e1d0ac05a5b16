package org.dateline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread or node makes true, failing the test when it is not true in time. */
public final class Await {

    private Await() {
    }

    /** Asks every 20 ms; a timeout already spent still asks once. */
    public static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }
}
