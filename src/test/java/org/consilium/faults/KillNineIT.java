package org.consilium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.consilium.Suites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, point 6a: the portal is killed with SIGKILL ({@code kill -9}) at random moments while a driver
 * pushes proposals through the workflow; after a restart every proposal is consistent (its status, its
 * Camunda process and tasks, its own tables and the audit trail agree) and no step that had committed is
 * lost. The portal runs in a child JVM ({@link FaultDriver}) on its own database, {@code consilium_faults}.
 *
 * <p>Bounded: {@code consilium.faults.rounds} kills (default 5), each 2–6 s after the portal is ready.
 * {@code consilium.faults.seed} repeats a run's random choices (printed at the start). See docs/reliability.md.
 */
@ExtendWith(Suites.MariaDb.class)
class KillNineIT {

    private static final Duration BOOT_LIMIT = Duration.ofSeconds(150);
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(180);

    @Test
    void killed_at_random_moments_the_portal_restarts_consistent_and_nothing_committed_is_lost() throws Exception {
        Instant started = Instant.now();
        long seed = Long.getLong("consilium.faults.seed", System.nanoTime());
        int rounds = Integer.getInteger("consilium.faults.rounds", 5);
        Random random = new Random(seed);
        recreateDatabase();
        Path work = Files.createTempDirectory("consilium-kill-nine");
        log("seed " + seed + ", " + rounds + " rounds (repeat with -Dconsilium.faults.seed=" + seed + "), database "
                + FaultDriver.DATABASE + ", logs in " + work);

        List<String> claims = new ArrayList<>();
        List<String> inFlight = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int kills = 0;
        for (int round = 1; round <= rounds; round++) {
            Child child = Child.start(work, "drive", Long.toString(seed + round));
            try {
                child.awaitReady(BOOT_LIMIT);
                long runFor = 2_000 + random.nextInt(4_001);
                Thread.sleep(runFor);
                assertThat(child.process.isAlive()).as("the driver runs until it is killed; its output: "
                        + child.output()).isTrue();
                long pid = child.process.pid();
                child.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback by the JVM
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).as("the child is gone after SIGKILL").isTrue();
                assertThat(child.process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " is gone")
                        .isFalse();
                kills++;
                child.drain();
                List<String> committed = child.lines("COMMITTED ");
                claims.addAll(committed);
                String interrupted = child.inFlight();
                if (interrupted != null) {
                    inFlight.add(interrupted);
                }
                errors.addAll(child.lines("ERROR "));
                log("round " + round + ": killed pid " + pid + " after " + runFor + " ms of driving, "
                        + committed.size() + " steps seen committed" + (committed.isEmpty() ? ""
                        : ", the last: " + committed.get(committed.size() - 1)) + "; in flight: " + interrupted);
            } finally {
                child.process.destroyForcibly();
            }
        }

        Path claimsFile = work.resolve("claims.txt");
        List<String> claimsAndInFlight = new ArrayList<>(claims);
        inFlight.forEach(line -> claimsAndInFlight.add("INFLIGHT " + line));
        Files.write(claimsFile, claimsAndInFlight, StandardCharsets.UTF_8);
        Child check = Child.start(work, "check", claimsFile.toString());
        boolean finished = check.process.waitFor(CHECK_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            check.process.destroyForcibly();
        }
        check.drain();
        List<String> inconsistencies = check.lines("INCONSISTENT ");
        List<String> checked = check.lines("CHECKED ");
        List<String> stats = check.lines("STATS ");
        List<String> interrupted = check.lines("INFLIGHT ");
        Duration took = Duration.between(started, Instant.now());
        log("check: " + String.join(" / ", checked) + " " + String.join(" ", stats));
        log("check: " + String.join(" ", interrupted));
        inconsistencies.forEach(KillNineIT::log);
        log("summary: rounds=" + rounds + " kills=" + kills + " claims=" + claims.size() + " driverErrors="
                + errors.size() + " time=" + took.toSeconds() + "s " + String.join(" ", checked));

        assertThat(finished).as("the check ends within " + CHECK_LIMIT + "; its output: " + check.output()).isTrue();
        assertThat(inconsistencies).as("inconsistencies after " + kills + " kills (logs in " + work + ")").isEmpty();
        assertThat(check.process.exitValue()).as("the check's exit code; its output: " + check.output()).isZero();
        assertThat(checked).as("the check's summary line").hasSize(1);
        assertThat(errors).as("steps the driver could not take (logs in " + work + ")").isEmpty();
        assertThat(kills).isEqualTo(rounds);
        assertThat(claims.size()).as("enough work happened between the kills to mean something")
                .isGreaterThanOrEqualTo(10);
        deleteQuietly(work); // kept when the test fails: the children's logs are there
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private static void recreateDatabase() throws Exception {
        String server = "jdbc:mysql://" + Suites.MARIADB_HOST + ":" + Suites.MARIADB_PORT + "/?connectTimeout=3000";
        try (Connection connection = DriverManager.getConnection(server, Suites.MARIADB_USER, Suites.MARIADB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + FaultDriver.DATABASE + "`");
            statement.execute("CREATE DATABASE `" + FaultDriver.DATABASE
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static void log(String line) {
        System.out.println("[kill -9] " + line);
        System.out.flush();
    }

    /** The portal in a JVM of its own; standard output read on a thread, standard error to a file. */
    private static final class Child {

        final Process process;
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "kill-nine-reader-" + process.pid());
            this.reader.setDaemon(true);
            this.reader.start();
        }

        static Child start(Path work, String mode, String argument) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dconsilium.it.mariadb.host=" + Suites.MARIADB_HOST,
                    "-Dconsilium.it.mariadb.port=" + Suites.MARIADB_PORT,
                    "-Dconsilium.it.mariadb.user=" + Suites.MARIADB_USER,
                    "-Dconsilium.it.mariadb.password=" + Suites.MARIADB_PASSWORD,
                    "-cp", classPath(),
                    FaultDriver.class.getName(), mode, work.toString(), argument));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve(mode + "-stderr.txt").toFile()));
            return new Child(builder.start());
        }

        /**
         * The test's class path, without empty entries: surefire's list may hold one, which would put the
         * working directory (the project, with its top-level workflows/ folder) on the class path and deploy
         * the BPMN twice.
         */
        private static String classPath() {
            return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank() && !entry.equals("."))
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the pipe broke: the child is gone
            } finally {
                ready.countDown();
            }
        }

        void awaitReady(Duration limit) throws InterruptedException {
            boolean signalled = ready.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(signalled && output.contains("READY")).as("the portal is ready within " + limit
                    + " (alive: " + process.isAlive() + "); its output: " + output()).isTrue();
        }

        /** Everything the child wrote before it ended (the pipe keeps what was written before SIGKILL). */
        void drain() throws InterruptedException {
            reader.join(Duration.ofSeconds(30).toMillis());
        }

        /** The step begun last and neither seen committed nor failed: the one the kill interrupted, if any. */
        String inFlight() {
            String pending = null;
            synchronized (output) {
                for (String line : output) {
                    if (line.startsWith("STARTING ")) {
                        pending = line.substring("STARTING ".length());
                    } else if (line.startsWith("COMMITTED ") || line.startsWith("ERROR ")) {
                        pending = null;
                    }
                }
            }
            return pending;
        }

        List<String> lines(String prefix) {
            synchronized (output) {
                return output.stream().filter(l -> l.startsWith(prefix)).toList();
            }
        }

        String output() {
            synchronized (output) {
                List<String> tail = output.subList(Math.max(0, output.size() - 40), output.size());
                return String.join("\n", tail);
            }
        }
    }
}
