package dev.junction.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real PostgreSQL server run as a child process: the zero-setup database of Junction and of its tests.
 * With a kept data directory the data survives restarts; a fresh one starts empty and is deleted on close.
 *
 * <p>The server listens on the loopback address only and asks every client, over TCP and the local socket alike,
 * for the superuser's password (scram-sha-256); the password is generated on first use and kept owner-only in
 * {@value DatabasePassword#FILE_NAME} in the data directory. A data directory from before passwords (trust
 * authentication) gets one on its next start, its data untouched.
 *
 * <p>The running Junction owns its data directory through an operating-system lock ({@link DataDirectoryOwner}).
 * A PostgreSQL found still running on a data directory that no live Junction owns is an orphan of a Junction that
 * was killed (kill -9, OOM): it is stopped before this start ({@link OrphanedPostmaster}). A PostgreSQL that another
 * running Junction owns is never touched: the start fails, naming the directory and that process.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    /** The only address the server listens on. */
    public static final String LOOPBACK_ADDRESS = "127.0.0.1";
    private static final Duration PASSWORD_REQUIRED_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final DataDirectoryOwner owner;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password, DataDirectoryOwner owner) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.owner = owner;
    }

    /**
     * Starts PostgreSQL on the given data directory, creating it on first use and keeping it afterwards. The server
     * stops on {@link #close()} only — not on a JVM shutdown hook of its own, which would stop it while the
     * application still finishes its work (the run workers give back their tasks when they stop): the application's
     * own shutdown closes it, last.
     */
    public static EmbeddedDatabase startKeeping(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        return start(directory, false, false);
    }

    /**
     * Starts PostgreSQL on a new, empty data directory that is removed again on {@link #close()} or, failing that,
     * by a JVM shutdown hook.
     */
    public static EmbeddedDatabase startFresh() {
        return startFresh(true);
    }

    /**
     * Starts PostgreSQL on a new, empty data directory that is removed again on {@link #close()}; with
     * {@code shutdownHook} false the owner must close it (an application that still uses the database while it
     * shuts down closes it last itself, rather than have a hook of its own stop it meanwhile).
     */
    public static EmbeddedDatabase startFresh(boolean shutdownHook) {
        try {
            return start(Files.createTempDirectory("junction-pg-"), true, shutdownHook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedDatabase start(Path directory, boolean clean, boolean shutdownHook) {
        // zonky runs initdb where no postgresql.conf is; initdb wants the directory empty, so a new directory is
        // claimed and given its password file only after initdb, before the server starts
        boolean initialized = !clean && Files.exists(directory.resolve("postgresql.conf"));
        AtomicReference<DataDirectoryOwner> owner = new AtomicReference<>();
        EmbeddedPostgres postgres = null;
        Path initialPasswordFile = null;
        try {
            String password;
            boolean upgradeFromTrust = false;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (initialized) {
                owner.set(DataDirectoryOwner.claim(directory));
                OrphanedPostmaster.stopIfRunning(directory);
                upgradeFromTrust = ClientAuthenticationFile.trustsAnyone(directory);
                password = passwordOf(directory, upgradeFromTrust);
            } else {
                password = DatabasePassword.generate();
                initialPasswordFile = DatabasePassword.writeOwnerOnly(Files.createTempFile("junction-pg-", ".password",
                        PosixFilePermissions.asFileAttribute(DatabasePassword.OWNER_ONLY)), password);
                builder.setLocaleConfig("auth", ClientAuthenticationFile.PASSWORD_METHOD)
                        .setLocaleConfig("pwfile", initialPasswordFile.toString())
                        .setDataDirectoryCustomizer(initializedDirectory -> {
                            owner.set(DataDirectoryOwner.claimInitialised(directory));
                            DatabasePassword.writeOwnerOnly(DatabasePassword.file(directory), password);
                        });
            }
            postgres = builder
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(shutdownHook)
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", LOOPBACK_ADDRESS)
                    // zonky turns durability off for speed; Junction's runs must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory, password, owner.get());
            if (upgradeFromTrust) {
                database.requirePassword();
            }
            return database;
        } catch (IOException | RuntimeException e) {
            closeQuietly(postgres);
            if (owner.get() != null) {
                owner.get().close();
            }
            EmbeddedDatabaseException ours = causeOfType(e, EmbeddedDatabaseException.class); // says what to do already
            if (ours != null) {
                throw ours;
            }
            throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start on data directory " + directory
                    + ": " + e.getMessage() + ". Choose another data directory with JUNCTION_DATA_DIR, or configure an"
                    + " external database with JUNCTION_DB_URL.", e);
        } finally {
            deleteQuietly(initialPasswordFile);
        }
    }

    /** The kept password; a directory of a Junction from before passwords gets one now. */
    private static String passwordOf(Path directory, boolean trustsAnyone) {
        if (DatabasePassword.existsIn(directory)) {
            return DatabasePassword.read(directory);
        }
        if (!trustsAnyone) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + directory + " asks for a password, but"
                    + " its password file " + DatabasePassword.file(directory) + " is missing. Restore that file (from a"
                    + " backup of the data directory), or set the superuser's password again and write it there.", null);
        }
        String password = DatabasePassword.generate();
        DatabasePassword.writeOwnerOnly(DatabasePassword.file(directory), password);
        return password;
    }

    /**
     * Upgrades a data directory from trust authentication: sets the superuser's password (sent as a SCRAM verifier,
     * never as plain text), rewrites every trust rule of pg_hba.conf to scram-sha-256, reloads the configuration, and
     * waits until the server refuses a wrong password. The password file is written before, so a crash in between
     * only repeats the upgrade on the next start.
     */
    private void requirePassword() {
        try (Connection connection = connect(password)) {
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(),
                    ClientAuthenticationFile.PASSWORD_METHOD);
            ClientAuthenticationFile.requirePasswords(dataDirectory);
            connection.createStatement().execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Could not switch the embedded PostgreSQL in " + dataDirectory
                    + " to password authentication: " + e.getMessage(), e);
        }
        awaitPasswordRequired();
        log.info("The embedded PostgreSQL in {} now asks for a password (kept in {}); it trusted local connections"
                + " before", dataDirectory, DatabasePassword.file(dataDirectory));
    }

    /** A reload is asynchronous: new sessions use the new rules once the server has read them. */
    private void awaitPasswordRequired() {
        long deadline = System.nanoTime() + PASSWORD_REQUIRED_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect(password + "-wrong")) {
                Thread.sleep(100);
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState())) {
                    return;
                }
                throw new EmbeddedDatabaseException("Could not check the password authentication of the embedded"
                        + " PostgreSQL in " + dataDirectory + ": " + refused.getMessage(), refused);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + dataDirectory + " still accepts connections"
                + " without its password after its pg_hba.conf was rewritten", null);
    }

    private Connection connect(String withPassword) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, withPassword);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not stop the embedded PostgreSQL after a failed start: {}", e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", file, e.getMessage());
            }
        }
    }

    /** The server's address: the loopback address it listens on, its port, the database; no user or password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + LOOPBACK_ADDRESS + ":" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** The superuser's password, kept owner-only in the data directory; the server refuses clients without it. */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server, then gives up this process's claim on the data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (owner != null) {
                owner.close();
            }
        }
    }
}
