package dev.junction.backend.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.users.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v1/users} (admins: the same operations as the Users view) and {@code /api/v1/me/password} (every
 * user: their own password). Passwords go in and never come out.
 */
@RestController
class UserController {

    private final UserService users;
    private final OwnAccountService ownAccount;

    UserController(UserService users, OwnAccountService ownAccount) {
        this.users = users;
        this.ownAccount = ownAccount;
    }

    /** A new user: every field required but the e-mail address. */
    record CreateUser(String username, String displayName, List<String> roles, String password, String email) {
    }

    /** A change of a user: a left-out field keeps its value ({@code "email": ""} removes the address). */
    record UpdateUser(String displayName, List<String> roles, String email) {
    }

    record NewPassword(String password) {
    }

    record EnabledState(Boolean enabled) {
    }

    /** The signed-in user's password change: the current password and the new one. */
    record OwnPasswordChange(String current, @JsonProperty("new") String replacement) {
    }

    @GetMapping(path = "/api/v1/users", produces = "application/json")
    List<UserView> list() {
        return users.list();
    }

    @PostMapping(path = "/api/v1/users", consumes = "application/json", produces = "application/json")
    ResponseEntity<UserView> create(@RequestBody CreateUser request) {
        UserView created = users.create(request.username(), request.displayName(), roles(request.roles(), true),
                request.password(), request.email());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{username}")
                .buildAndExpand(created.username()).toUri()).body(created);
    }

    @GetMapping(path = "/api/v1/users/{username}", produces = "application/json")
    UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @PutMapping(path = "/api/v1/users/{username}", consumes = "application/json", produces = "application/json")
    UserView update(@PathVariable String username, @RequestBody UpdateUser request) {
        return users.update(username, request.displayName(), roles(request.roles(), false), request.email());
    }

    @PutMapping(path = "/api/v1/users/{username}/password", consumes = "application/json")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody NewPassword request) {
        users.resetPassword(username, request.password());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/api/v1/users/{username}/enabled", consumes = "application/json",
            produces = "application/json")
    UserView setEnabled(@PathVariable String username, @RequestBody EnabledState request) {
        if (request.enabled() == null) {
            throw new InvalidInputException("enabled", "is required: true or false");
        }
        return users.setEnabled(username, request.enabled());
    }

    @PutMapping(path = "/api/v1/me/password", consumes = "application/json")
    ResponseEntity<Void> changeOwnPassword(@RequestBody OwnPasswordChange request) {
        ownAccount.changePassword(request.current(), request.replacement());
        return ResponseEntity.noContent().build();
    }

    /** The roles named, or {@code null} when left out of an update; an unknown name is refused. */
    private static Set<Role> roles(List<String> names, boolean required) {
        if (names == null) {
            return required ? Set.of() : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("roles", "must each be one of " + Arrays.toString(Role.values())
                        + ", was '" + name + "'");
            }
        }
        return roles;
    }
}
