package org.consilium.perf.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs lifecycles on a number of threads (named for the profiler: {@code <name>-driver-<n>}), each taking the next number until all are done; returns the wall time. */
final class Drivers {

    private Drivers() {
    }

    static long run(String name, int drivers, int lifecycles, IntConsumer lifecycle) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int d = 0; d < drivers; d++) {
            Thread thread = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < lifecycles && failures.isEmpty(); n = next.getAndIncrement()) {
                    try {
                        lifecycle.accept(n);
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }, name + "-driver-" + (d + 1));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long wall = System.nanoTime() - start;
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException(failures.size() + " lifecycle(s) failed",
                    failures.get(0));
            failures.stream().skip(1).limit(3).forEach(failed::addSuppressed);
            throw failed;
        }
        return wall;
    }
}
