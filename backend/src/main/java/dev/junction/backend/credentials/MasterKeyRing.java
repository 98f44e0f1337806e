package dev.junction.backend.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The key file and, during a rotation, its successor {@code <file>.next}. A rotation writes the successor first,
 * re-wraps every data key in one transaction, then moves the successor over the key file; a crash at any point
 * leaves both files, and the next start keeps whichever key the database uses ({@link #settle}).
 */
final class MasterKeyRing {

    private final Path keyFile;

    MasterKeyRing(Path keyFile) {
        this.keyFile = keyFile;
    }

    Path next() {
        return keyFile.resolveSibling(keyFile.getFileName() + ".next");
    }

    /** The successor of an interrupted rotation, when there is one. */
    Optional<MasterKey> pending() {
        Path next = next();
        if (!Files.exists(next)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MasterKey.fromBase64(Files.readString(next)));
        } catch (IOException | IllegalArgumentException e) {
            throw new MasterKeyException("the master key file " + next + " of an interrupted rotation cannot be read ("
                    + e.getMessage() + "); remove it if the database does not use it.");
        }
    }

    /** Writes a fresh successor key (owner-only) and answers it. */
    MasterKey prepare(SecureRandom random) throws IOException {
        Files.deleteIfExists(next());
        MasterKey key = MasterKey.generate(random);
        MasterKeySource.write(next(), key);
        return key;
    }

    /** The successor becomes the key file (an atomic move); the old key is gone from disk. */
    void promote() throws IOException {
        Files.move(next(), keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops the successor of a rotation that did not commit. */
    void abandon() throws IOException {
        Files.deleteIfExists(next());
    }

    /**
     * After an interrupted rotation: promotes the successor when the database uses it, else drops it. Answers the
     * key the database uses.
     */
    MasterKey settle(MasterKey current, java.util.Set<String> keyIdsInUse) throws IOException {
        Optional<MasterKey> pending = pending();
        if (pending.isEmpty()) {
            return current;
        }
        if (keyIdsInUse.contains(pending.get().id())) {
            promote();
            return pending.get();
        }
        abandon();
        return current;
    }
}
