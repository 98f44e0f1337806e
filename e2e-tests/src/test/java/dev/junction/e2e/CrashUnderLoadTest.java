package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 under load, in the suite (issue 20): the load-test tool's {@code crash-check} runs the built jar as its own
 * process on a fresh embedded PostgreSQL, drives signed webhooks of the job webhook → map → HTTP POST /orders (to the
 * tools' remote, its own process on loopback) at a fixed rate, kills the app with SIGKILL mid-load, starts it again on
 * the same data while the load goes on, and waits for every run to end. It passes only when requests were accepted
 * both before the kill and after the restart, every accepted request (202 = committed) became a run that succeeded,
 * the remote holds exactly one order per run and no order id twice (a call repeated after the kill carries its
 * idempotency key and is answered with the first order). The test checks the tool's verdict and exit code; the
 * tool's own output is kept in {@code target/crash-check.log}.
 */
class CrashUnderLoadTest {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", ".."));
    private static final Path JAR = ROOT.resolve("ui/target/junction-exec.jar");
    private static final Path TOOLS = ROOT.resolve("tools/loadtest");

    @Test
    void aKilledNodeLosesNoAcceptedRunAndRepeatsNoOrder() throws Exception {
        assertThat(JAR).as("the runnable jar, built by the ui module before this one").isRegularFile();
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path dataDir = Files.createTempDirectory("junction-crash-test-");
        int remotePort = freePort();
        Process remote = java(List.of(TOOLS.resolve("Remote.java").toString(), "--port",
                Integer.toString(remotePort)), target.resolve("crash-check-remote.log"));
        try {
            awaitListening(remotePort);
            Path log = target.resolve("crash-check.log");
            Process check = java(List.of(TOOLS.resolve("LoadTest.java").toString(), "crash-check",
                    "--jar", JAR.toString(), "--remote", "http://127.0.0.1:" + remotePort,
                    "--port", Integer.toString(freePort()), "--rate", "40", "--duration", "16", "--kill-after", "6",
                    "--lease", "5s", "--data-dir", dataDir.toString()), log);
            assertThat(check.waitFor(12, TimeUnit.MINUTES)).as("crash-check ended").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as(output).contains("crash-check PASSED");
            assertThat(check.exitValue()).as(output).isZero();
            deleteTree(dataDir); // kept when the check fails: the app's logs are there
        } finally {
            remote.destroy();
            remote.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process java(List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(".")).start();
    }

    private static void awaitListening(int port) {
        Polling.until("the remote to listen on port " + port, java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(200), () -> {
                    try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
