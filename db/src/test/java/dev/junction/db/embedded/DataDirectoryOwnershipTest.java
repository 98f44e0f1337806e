package dev.junction.db.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may use an embedded PostgreSQL's data directory: a Junction that was killed (a real {@code kill -9} of a
 * child JVM) leaves its PostgreSQL running; the next start stops that orphan and keeps the data. A PostgreSQL that a
 * live Junction uses is never touched.
 */
class DataDirectoryOwnershipTest {

    @TempDir
    Path home;

    private final List<Process> owners = new ArrayList<>();
    private final List<Long> postmasters = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process owner : owners) {
            owner.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
        for (long pid : postmasters) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledJunctionIsStoppedOnTheNextStartAndItsDataKept() throws Exception {
        Path dataDirectory = home.resolve("pgdata");
        Process owner = startOwner(dataDirectory);
        int port = awaitReady(owner, dataDirectory);
        try (Connection connection = connect(port, dataDirectory)) {
            connection.createStatement().execute("create table kept (value text)");
            connection.createStatement().execute("insert into kept values ('survived a kill -9')");
        }
        long orphan = postmasterPid(dataDirectory);
        postmasters.add(orphan);

        owner.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned postmaster")
                .contains(true);

        try (EmbeddedDatabase restarted = EmbeddedDatabase.startKeeping(dataDirectory);
             Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), restarted.user(),
                     restarted.password());
             ResultSet row = connection.createStatement().executeQuery("select value from kept")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("survived a kill -9");
            assertThat(postmasterPid(dataDirectory)).isNotEqualTo(orphan);
        }
    }

    @Test
    void thePostgresOfALiveJunctionIsNotTouched() throws Exception {
        Path dataDirectory = home.resolve("pgdata");
        Process owner = startOwner(dataDirectory);
        int port = awaitReady(owner, dataDirectory);
        long postmaster = postmasterPid(dataDirectory);
        postmasters.add(postmaster);

        assertThatThrownBy(() -> EmbeddedDatabase.startKeeping(dataDirectory))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("The data directory " + dataDirectory.toAbsolutePath())
                .hasMessageContaining("in use by another running Junction: process " + owner.pid());

        assertThat(postmasterPid(dataDirectory)).isEqualTo(postmaster);
        try (Connection connection = connect(port, dataDirectory);
             ResultSet row = connection.createStatement().executeQuery("select 1")) {
            assertThat(row.next()).isTrue();
        }
        try (Writer input = new OutputStreamWriter(owner.getOutputStream(), StandardCharsets.UTF_8)) {
            input.write("stop\n");
        }
        assertThat(owner.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(owner.exitValue()).as(Files.readString(log(dataDirectory))).isZero();
    }

    @Test
    void aDataDirectoryThisProcessUsesCannotBeStartedTwice() throws SQLException {
        Path dataDirectory = home.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.startKeeping(dataDirectory)) {
            assertThatThrownBy(() -> EmbeddedDatabase.startKeeping(dataDirectory))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("The data directory " + dataDirectory.toAbsolutePath())
                    .hasMessageContaining("this process (pid " + ProcessHandle.current().pid() + ")");

            try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password());
                 ResultSet row = connection.createStatement().executeQuery("select 1")) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    private Process startOwner(Path dataDirectory) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process owner = new ProcessBuilder(java, "-cp", classPath,
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                EmbeddedDatabaseOwnerMain.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true)
                .redirectOutput(log(dataDirectory).toFile())
                .start();
        owners.add(owner);
        return owner;
    }

    private Path log(Path dataDirectory) {
        return home.resolve(dataDirectory.getFileName() + "-owner.log");
    }

    /** Waits for the child's {@code ready <port>} line (a bound for a broken child, not a timing assertion). */
    private int awaitReady(Process owner, Path dataDirectory) throws Exception {
        Path log = log(dataDirectory);
        for (int i = 0; i < 1200; i++) {
            Optional<String> ready = Files.exists(log)
                    ? Files.readAllLines(log).stream().filter(l -> l.startsWith(EmbeddedDatabaseOwnerMain.READY + " "))
                            .findFirst()
                    : Optional.empty();
            if (ready.isPresent()) {
                return Integer.parseInt(ready.get().substring(EmbeddedDatabaseOwnerMain.READY.length() + 1).strip());
            }
            if (!owner.isAlive()) {
                throw new AssertionError("The owner JVM ended before it was ready:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The owner JVM was not ready:\n" + Files.readString(log));
    }

    private static Connection connect(int port, Path dataDirectory) throws IOException, SQLException {
        String password = Files.readString(dataDirectory.resolve(DatabasePassword.FILE_NAME)).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
    }
}
