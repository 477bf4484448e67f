package org.consilium.perf.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Time spent per step category, summed over the drivers' threads. */
class StepTimes {

    record Figure(String step, long calls, long nanos) {
    }

    private final Map<String, LongAdder[]> steps = new ConcurrentHashMap<>();
    private final Map<String, Integer> order = new ConcurrentHashMap<>();

    <T> T time(String step, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            long nanos = System.nanoTime() - start;
            order.putIfAbsent(step, order.size());
            LongAdder[] figure = steps.computeIfAbsent(step, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
            figure[0].increment();
            figure[1].add(nanos);
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
            out.put(e.getKey(), new Figure(e.getKey(), f[0].sum(), f[1].sum()));
        });
        return out;
    }

    long totalNanos() {
        return steps.values().stream().mapToLong(f -> f[1].sum()).sum();
    }
}
