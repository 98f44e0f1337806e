package dev.junction.backend.users;

import dev.junction.backend.api.InvalidInputException.FieldProblem;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.List;
import java.util.Locale;

/**
 * A user's e-mail address as the users' service takes it: optional (blank: none), one plain address
 * ({@code name@example.com}, no display name, at most 254 characters) that the SMTP sender accepts; the domain is
 * kept in lower case.
 */
final class UserEmail {

    static final int MAX_LENGTH = 254;
    static final String RULE = "must be one e-mail address like name@example.com (at most " + MAX_LENGTH
            + " characters), or empty for none";

    private UserEmail() {
    }

    /** The address to store (null: none); a problem naming the field {@code email} is added when it is no address. */
    static String check(String email, List<FieldProblem> problems) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String text = email.strip();
        int at = text.lastIndexOf('@');
        if (text.length() > MAX_LENGTH || at <= 0 || at == text.length() - 1 || !text.equals(plain(text))) {
            problems.add(new FieldProblem("email", RULE + "; got '" + shortened(text) + "'"));
            return null;
        }
        return text.substring(0, at + 1) + text.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The address the mail library reads from {@code text}, or null when it reads none or not one. */
    private static String plain(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address.getPersonal() == null && address.getAddress().indexOf('@') > 0 ? address.getAddress()
                    : null;
        } catch (AddressException e) {
            return null;
        }
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
