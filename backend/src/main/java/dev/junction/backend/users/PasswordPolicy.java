package dev.junction.backend.users;

import dev.junction.db.users.UserRepository;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: 12 to 128 characters, and not the user name nor containing it (in any case). Checked
 * wherever a password is set: a new user, a reset by an admin, a user changing their own.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

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
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long (has " + length + ")");
        }
        String name = username == null ? "" : UserRepository.normalize(username);
        if (!name.isEmpty() && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("must not be or contain the user name");
        }
        return Optional.empty();
    }
}
