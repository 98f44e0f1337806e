package dev.junction.db.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the embedded PostgreSQL's superuser: generated once, kept in {@value #FILE_NAME} in the data
 * directory, readable and writable by its owner only (0600).
 */
final class DatabasePassword {

    static final String FILE_NAME = "junction-db.password";

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabasePassword() {
    }

    /** 256 random bits, URL-safe Base64: no quote, space or line break to escape anywhere. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    static boolean existsIn(Path dataDirectory) {
        return Files.exists(file(dataDirectory));
    }

    static String read(Path dataDirectory) {
        Path file = file(dataDirectory);
        try {
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new EmbeddedDatabaseException("The database password file " + file + " is empty", null);
            }
            ensureOwnerOnly(file);
            return password;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot read the database password file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes the password to a new owner-only file (created with 0600, never readable by others for a moment). */
    static Path writeOwnerOnly(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, password + "\n");
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new EmbeddedDatabaseException("The database password file " + file + " appeared while it was written",
                    e);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot write the database password file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** A copy restored from a backup may have lost its mode: narrow it again. */
    private static void ensureOwnerOnly(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
