package dev.junction.ui.account;

import dev.junction.backend.tokens.ApiTokenView;


/** How the account view shows a token's recognisable start and its state to a person. */
final class TokenFormat {

    private TokenFormat() {
    }

    /** "jn_abcd1234…": what the token starts with, so that its owner recognises it. */
    static String prefix(ApiTokenView token) {
        return "jn_" + token.prefix() + "…";
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
