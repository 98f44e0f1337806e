package dev.junction.ui.workflows.designer;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

/** Who the presenter's calls run as in these tests (the services' @PreAuthorize reads it). */
final class SignedIn {

    private SignedIn() {
    }

    static void as(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
