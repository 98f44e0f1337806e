package dev.junction.db.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL left running on our data directory by a Junction that ended without stopping it (a {@code kill -9},
 * an OOM kill): found by the {@code postmaster.pid} in the data directory, and stopped, so that this start can use
 * the directory. Only consulted while this process holds the {@link DataDirectoryOwner} claim, i.e. when no live
 * Junction owns the directory: a server another running Junction uses is never touched.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    static final String PID_FILE = "postmaster.pid";

    /** A smart shutdown (SIGTERM) ends at once when the dead owner's connections are all that were open. */
    private static final Duration SMART_SHUTDOWN_WAIT = Duration.ofSeconds(15);
    /** A fast shutdown (SIGINT) ends open sessions, then checkpoints. */
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private OrphanedPostmaster() {
    }

    /** Stops the PostgreSQL running on the data directory, if one is; answers whether there was one. */
    static boolean stopIfRunning(Path dataDirectory) {
        Optional<Long> pid = pidIn(dataDirectory);
        if (pid.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false; // a stale pid file: PostgreSQL replaces it itself
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            throw new EmbeddedDatabaseException("The data directory " + dataDirectory + " names process " + pid.get()
                    + " as its PostgreSQL in " + PID_FILE + ", and that process runs, but this Junction cannot tell"
                    + " what it is. If it is a PostgreSQL left over from an earlier Junction, stop it (kill -INT "
                    + pid.get() + ") and start again.", null);
        }
        if (!isPostgres(command.get())) {
            log.warn("Removing the stale {} of {}: process {} is no PostgreSQL but {}", PID_FILE, dataDirectory,
                    pid.get(), command.get());
            deletePidFile(dataDirectory);
            return false;
        }
        if (!runsOn(process.get(), dataDirectory)) {
            throw new EmbeddedDatabaseException("The data directory " + dataDirectory + " names process " + pid.get()
                    + " as its PostgreSQL in " + PID_FILE + ", but that PostgreSQL serves another data directory ("
                    + String.join(" ", process.get().info().arguments().orElse(new String[0])) + "). Stop it or remove"
                    + " the stale " + PID_FILE + ", then start again.", null);
        }
        log.warn("A PostgreSQL (pid {}) still runs on {} though no Junction owns it: an earlier Junction ended without"
                + " stopping it. Stopping it.", pid.get(), dataDirectory);
        stop(process.get(), dataDirectory);
        log.info("The orphaned PostgreSQL (pid {}) stopped; its data is kept", pid.get());
        return true;
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) {
        // SIGTERM: smart shutdown, no new sessions, ends when the open ones did
        if (!postmaster.destroy()) {
            throw new EmbeddedDatabaseException("The PostgreSQL (pid " + postmaster.pid() + ") left running on "
                    + dataDirectory + " by an earlier Junction cannot be stopped by this process (another operating"
                    + " system user's?). Stop it (kill -INT " + postmaster.pid() + ") and start again.", null);
        }
        if (awaitStopped(postmaster, dataDirectory, SMART_SHUTDOWN_WAIT)) {
            return;
        }
        log.warn("The orphaned PostgreSQL (pid {}) still has sessions open; asking for a fast shutdown", postmaster.pid());
        signalInterrupt(postmaster.pid());
        if (!awaitStopped(postmaster, dataDirectory, FAST_SHUTDOWN_WAIT)) {
            throw new EmbeddedDatabaseException("The PostgreSQL (pid " + postmaster.pid() + ") left running on "
                    + dataDirectory + " by an earlier Junction did not stop within "
                    + (SMART_SHUTDOWN_WAIT.plus(FAST_SHUTDOWN_WAIT).toSeconds()) + " s. Stop it (kill -INT "
                    + postmaster.pid() + ") and start again.", null);
        }
    }

    /** Stopped once its pid file is gone (PostgreSQL removes it last on shutdown) or the process is. */
    private static boolean awaitStopped(ProcessHandle postmaster, Path dataDirectory, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive() || !Files.exists(dataDirectory.resolve(PID_FILE))) {
                return true;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedDatabaseException("Interrupted while stopping the PostgreSQL (pid " + postmaster.pid()
                        + ") left running on " + dataDirectory, e);
            }
        }
        return false;
    }

    /** SIGINT (fast shutdown) has no Java API; the system's {@code kill} sends it. */
    private static void signalInterrupt(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            log.warn("Could not send SIGINT to process {}: {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<Long> pidIn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot read " + pidFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPostgres(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("postgres") || name.equals("postmaster");
    }

    /** The postmaster was started as {@code postgres -D <data directory> ...}. */
    private static boolean runsOn(ProcessHandle postmaster, Path dataDirectory) {
        String[] arguments = postmaster.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && samePath(arguments[i + 1], dataDirectory)) {
                return true;
            }
        }
        return arguments.length == 0; // arguments unreadable: the pid file in this directory is the evidence left
    }

    private static boolean samePath(String argument, Path dataDirectory) {
        try {
            return Files.isSameFile(Path.of(argument), dataDirectory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deletePidFile(Path dataDirectory) {
        try {
            Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot remove the stale " + PID_FILE + " of " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }
}
