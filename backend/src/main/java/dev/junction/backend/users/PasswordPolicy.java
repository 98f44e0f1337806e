package dev.junction.backend.users;

import dev.junction.db.users.UserRepository;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: at least 12 characters, at most 72 bytes in UTF-8 (bcrypt, which stores the passwords,
 * reads no further: 72 characters of plain ASCII, fewer with accented letters or other scripts), and not the user
 * name nor containing it (in any case). Checked wherever a password is set: a new user, a reset by an admin, a user
 * changing their own.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** The most bytes (UTF-8) of a password: bcrypt's limit. Also the most characters, for ASCII passwords. */
    public static final int MAX_BYTES = 72;
    public static final int MAX_LENGTH = MAX_BYTES;

    private PasswordPolicy() {
    }

    /** The rule {@code password} breaks for the user {@code username}, as a message for its field; empty if none. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required: at least " + MIN_LENGTH + " characters");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long (has " + length + ")");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8, bcrypt's limit (has " + bytes
                    + "): " + MAX_BYTES + " characters of plain ASCII, fewer with accented letters or other scripts");
        }
        String name = username == null ? "" : UserRepository.normalize(username);
        if (!name.isEmpty() && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("must not be or contain the user name");
        }
        return Optional.empty();
    }
}
