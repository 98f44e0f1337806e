package dev.junction.backend.tokens;

import org.springframework.security.access.AccessDeniedException;

/** A request signed in with an API token asked for a new token: that needs the user's password. */
class TokenCreationRefused extends AccessDeniedException {

    TokenCreationRefused() {
        super("An API token cannot create API tokens: sign in with your password (HTTP Basic or the UI) to create"
                + " one.");
    }
}
