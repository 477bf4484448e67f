package org.consilium.perf.lifecycle;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a stretch of the benchmark cost besides the drivers' own CPU, to say where a driver's waiting goes: the
 * whole JVM's CPU (garbage collection and the JIT included), the database server's CPU when it runs on this machine
 * (its process's user and system time from /proc), the JVM's collection pauses and its compilers' time.
 *
 * @param serverCpuNanos -1 where the server's process is not on this machine (or /proc cannot be read)
 */
record Costs(long processCpuNanos, long serverCpuNanos, long gcMillis, long jitMillis) {

    static final Costs NONE = new Costs(0, 0, 0, 0);

    /** The counters now; the difference of two readings is what happened in between. */
    static Costs now() {
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
        var jit = ManagementFactory.getCompilationMXBean();
        return new Costs(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime(), serverCpu(), gc,
                jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0);
    }

    Costs minus(Costs before) {
        return new Costs(processCpuNanos - before.processCpuNanos,
                serverCpuNanos < 0 || before.serverCpuNanos < 0 ? -1 : serverCpuNanos - before.serverCpuNanos,
                gcMillis - before.gcMillis, jitMillis - before.jitMillis);
    }

    Costs plus(Costs other) {
        return new Costs(processCpuNanos + other.processCpuNanos,
                serverCpuNanos < 0 || other.serverCpuNanos < 0 ? -1 : serverCpuNanos + other.serverCpuNanos,
                gcMillis + other.gcMillis, jitMillis + other.jitMillis);
    }

    /** Clock ticks per second of /proc's times: USER_HZ, 100 on Linux for x86 and arm. */
    private static final long TICKS_PER_SECOND = 100;

    private static volatile String serverPid;

    /** The CPU time of the MariaDB (or MySQL) server's process on this machine, or -1. */
    private static long serverCpu() {
        try {
            if (serverPid == null) {
                serverPid = findServer();
            }
            if (serverPid.isEmpty()) {
                return -1;
            }
            String stat = Files.readString(Path.of("/proc", serverPid, "stat"));
            // after the command name in parentheses: state, ppid, …; utime and stime are fields 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            serverPid = "";
            return -1;
        }
    }

    private static String findServer() throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return "";
        }
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String name = Files.readString(p.resolve("comm")).strip();
                            return name.equals("mariadbd") || name.equals("mysqld");
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    }).map(p -> p.getFileName().toString()).findFirst().orElse("");
        }
    }
}
