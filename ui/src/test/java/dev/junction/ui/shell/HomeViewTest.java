package dev.junction.ui.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An OPERATOR's home is the dashboard; every other role keeps the workflows. */
class HomeViewTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOperatorLandsOnTheDashboard() {
        signInAs("OPERATOR");
        assertThat(HomeView.home()).isEqualTo("dashboard");
    }

    @Test
    void theOtherRolesLandOnTheWorkflows() {
        for (String role : List.of("ADMIN", "DESIGNER", "VIEWER")) {
            signInAs(role);
            assertThat(HomeView.home()).as(role).isEqualTo("workflows");
        }
        signInAs("OPERATOR", "DESIGNER");
        assertThat(HomeView.home()).isEqualTo("workflows");
    }

    private static void signInAs(String... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("u",
                null, java.util.Arrays.stream(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
    }
}
