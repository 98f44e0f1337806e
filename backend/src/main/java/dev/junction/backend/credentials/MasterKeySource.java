package dev.junction.backend.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Where the master key comes from: {@code JUNCTION_MASTER_KEY} (base64 of 32 bytes) when set, else a key file
 * (created on first start, readable by its owner only, its path logged). Never the database.
 */
public final class MasterKeySource {

    public static final String VARIABLE = "JUNCTION_MASTER_KEY";
    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String variableValue;
    private final Path keyFile;
    private final SecureRandom random;

    /**
     * @param variableValue the value of {@code JUNCTION_MASTER_KEY}, blank when unset
     * @param keyFile       the key file used when the variable is unset
     */
    public MasterKeySource(String variableValue, Path keyFile, SecureRandom random) {
        this.variableValue = variableValue == null ? "" : variableValue;
        this.keyFile = keyFile;
        this.random = random;
    }

    /** Whether the key comes from the variable (then a rotation needs the operator to set the new one). */
    public boolean fromVariable() {
        return !variableValue.isBlank();
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Reads (or on first start creates) the master key; a clear {@link MasterKeyException} when it cannot. */
    public MasterKey load() {
        if (fromVariable()) {
            try {
                return MasterKey.fromBase64(variableValue);
            } catch (IllegalArgumentException e) {
                throw new MasterKeyException(VARIABLE + " is set but is not a master key: its value " + e.getMessage()
                        + ". Set it to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
            }
        }
        if (Files.exists(keyFile)) {
            return read(keyFile);
        }
        return create();
    }

    private MasterKey read(Path file) {
        try {
            warnWhenOthersCanRead(file);
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new MasterKeyException("the master key file " + file + " cannot be read (" + e.getMessage()
                    + "); fix its permissions, or set " + VARIABLE + ".");
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException("the master key file " + file + " does not hold a master key: its content "
                    + e.getMessage() + ". Restore the file from a backup, or set " + VARIABLE + ".");
        }
    }

    private MasterKey create() {
        MasterKey key = MasterKey.generate(random);
        try {
            write(keyFile, key);
        } catch (FileAlreadyExistsException raced) {
            return read(keyFile);
        } catch (IOException e) {
            throw new MasterKeyException("the master key file " + keyFile + " cannot be created (" + e.getMessage()
                    + "); make its directory writable, or set " + VARIABLE + ".");
        }
        log.warn("Created a new master key for the credentials vault in {} (owner-only). Back it up: without it the"
                + " stored connection secrets cannot be decrypted. Set {} to keep it elsewhere.", keyFile, VARIABLE);
        return key;
    }

    /** Writes a key file readable by its owner only; fails when the file exists. */
    static void write(Path file, MasterKey key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] content = (key.toBase64() + "\n").getBytes(StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.write(file, content);
    }

    private static void warnWhenOthersCanRead(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The master key file {} can be read by others than its owner; restrict it (chmod 600)", file);
        }
    }
}
