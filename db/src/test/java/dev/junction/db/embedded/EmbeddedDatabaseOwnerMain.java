package dev.junction.db.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/**
 * A stand-in for a running Junction, started as a child JVM by the tests: starts the embedded PostgreSQL on the
 * data directory given, prints {@code ready <port>}, and stops it again when told {@code stop} on standard input
 * (or never, when it is killed).
 */
public final class EmbeddedDatabaseOwnerMain {

    public static final String READY = "ready";

    public static void main(String[] args) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startKeeping(Path.of(args[0]))) {
            System.out.println(READY + " " + database.port());
            System.out.flush();
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
            for (String line = input.readLine(); line != null && !line.equals("stop"); line = input.readLine()) {
                // wait
            }
        }
    }
}
