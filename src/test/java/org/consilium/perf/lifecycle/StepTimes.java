package org.consilium.perf.lifecycle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Time spent per step category, summed over the drivers' threads: wall time, and the driver thread's CPU time
 * (the engine and the services run on it), which another process's load on the machine disturbs far less.
 */
class StepTimes {

    record Figure(String step, long calls, long nanos, long cpuNanos) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, LongAdder[]> steps = new ConcurrentHashMap<>();
    private final Map<String, Integer> order = new ConcurrentHashMap<>();

    <T> T time(String step, Supplier<T> action) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            long nanos = System.nanoTime() - start;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            order.putIfAbsent(step, order.size());
            LongAdder[] figure = steps.computeIfAbsent(step,
                    s -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
            figure[0].increment();
            figure[1].add(nanos);
            figure[2].add(cpuNanos);
        }
    }

    void time(String step, Runnable action) {
        time(step, () -> {
            action.run();
            return null;
        });
    }

    /** In the order the steps were first taken. */
    Map<String, Figure> figures() {
        Map<String, Figure> out = new LinkedHashMap<>();
        order.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            LongAdder[] f = steps.get(e.getKey());
            out.put(e.getKey(), new Figure(e.getKey(), f[0].sum(), f[1].sum(), f[2].sum()));
        });
        return out;
    }

    long totalNanos() {
        return steps.values().stream().mapToLong(f -> f[1].sum()).sum();
    }
}
