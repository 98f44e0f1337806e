package dev.junction.ui.account;

import dev.junction.backend.tokens.ApiTokenView;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the account view shows a token's recognisable start and its times to a person. */
final class TokenFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.systemDefault());

    private TokenFormat() {
    }

    /** "jn_abcd1234…": what the token starts with, so that its owner recognises it. */
    static String prefix(ApiTokenView token) {
        return "jn_" + token.prefix() + "…";
    }

    /** "2 Dec 2026 14:03", or {@code none} when there is no time. */
    static String when(OffsetDateTime time, String none) {
        return time == null ? none : WHEN.format(time);
    }

    /** "Active", "Expired" or "Revoked". */
    static String state(ApiTokenView token) {
        return switch (token.state()) {
            case "revoked" -> "Revoked";
            case "expired" -> "Expired";
            default -> "Active";
        };
    }
}
