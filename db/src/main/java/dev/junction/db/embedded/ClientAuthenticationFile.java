package dev.junction.db.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code pg_hba.conf} of the embedded server: which of its rules let a client in without a password
 * ({@code trust}, what data directories made before password authentication have), and rewriting those rules to
 * {@value #PASSWORD_METHOD}.
 */
final class ClientAuthenticationFile {

    static final String FILE_NAME = "pg_hba.conf";
    static final String PASSWORD_METHOD = "scram-sha-256";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEPARATE_MASK = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*");

    private ClientAuthenticationFile() {
    }

    static boolean trustsAnyone(Path dataDirectory) {
        return read(dataDirectory).stream().anyMatch(line -> methodIndex(line).map(i -> tokens(line)[i])
                .filter("trust"::equals).isPresent());
    }

    /** Rewrites every {@code trust} rule, for local sockets and TCP alike, to password authentication. */
    static void requirePasswords(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        List<String> rewritten = new ArrayList<>();
        for (String line : read(dataDirectory)) {
            rewritten.add(methodIndex(line)
                    .filter(i -> tokens(line)[i].equals("trust"))
                    .map(i -> withMethod(line, i))
                    .orElse(line));
        }
        try {
            Path next = Files.createTempFile(dataDirectory, FILE_NAME, ".new",
                    PosixFilePermissions.asFileAttribute(DatabasePassword.OWNER_ONLY));
            Files.write(next, rewritten);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot rewrite " + file + " to password authentication: "
                    + e.getMessage(), e);
        }
    }

    private static String withMethod(String line, int methodIndex) {
        String[] tokens = tokens(line);
        tokens[methodIndex] = PASSWORD_METHOD;
        return String.join("\t", tokens);
    }

    /**
     * Where a rule names its method: {@code local DATABASE USER METHOD}, {@code host* DATABASE USER ADDRESS METHOD},
     * or {@code host* DATABASE USER IP-ADDRESS IP-MASK METHOD}. Empty for comments and blank lines.
     */
    private static Optional<Integer> methodIndex(String line) {
        String[] tokens = tokens(line);
        if (tokens.length < 4) {
            return Optional.empty();
        }
        if (tokens[0].equals("local")) {
            return Optional.of(3);
        }
        if (!tokens[0].startsWith("host") || tokens.length < 5) {
            return Optional.empty();
        }
        boolean separateMask = !tokens[3].contains("/") && tokens.length >= 6 && SEPARATE_MASK.matcher(tokens[4]).matches();
        return Optional.of(separateMask ? 5 : 4);
    }

    private static String[] tokens(String line) {
        int comment = line.indexOf('#');
        String rule = (comment >= 0 ? line.substring(0, comment) : line).strip();
        return rule.isEmpty() ? new String[0] : WHITESPACE.split(rule);
    }

    private static List<String> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
