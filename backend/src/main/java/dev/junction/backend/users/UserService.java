package dev.junction.backend.users;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.security.LoginThrottle;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import dev.junction.db.users.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Administration of users, for admins only: list, create, change display name and roles, disable and enable,
 * reset a password. Every change is audited (never a password). The last enabled ADMIN cannot be disabled or lose
 * the role, and nobody can disable themself, so that someone can always administer Junction.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserService {

    public static final int DISPLAY_NAME_MAX_LENGTH = 120;
    static final String ENTITY = "user";
    /** The {@code users_username_format} check of the schema, on the name as stored (trimmed, lower case). */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    static final String USERNAME_RULE = "must be 1 to 64 characters: letters, digits and . _ @ -, starting with a"
            + " letter or digit (stored in lower case)";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwords, LoginThrottle throttle, AuditTrail audit,
                Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return users.list().stream().map(user -> UserView.of(user, now)).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        return UserView.of(summary(username), OffsetDateTime.now(clock));
    }

    /** Creates an enabled user; {@code roles} must hold at least one role, the password must follow the policy. */
    @Transactional
    public UserView create(String username, String displayName, Set<Role> roles, String password) {
        return create(username, displayName, roles, password, null);
    }

    /** As {@link #create(String, String, Set, String)}, with an e-mail address (null or blank: none). */
    @Transactional
    public UserView create(String username, String displayName, Set<Role> roles, String password, String email) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = username == null ? "" : UserRepository.normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            problems.add(new FieldProblem("username", USERNAME_RULE));
        }
        checkDisplayName(displayName, problems);
        checkRoles(roles, problems);
        PasswordPolicy.problem(name, password).ifPresent(rule -> problems.add(new FieldProblem("password", rule)));
        String address = UserEmail.check(email, problems);
        throwIfAny(problems);
        if (users.insert(name, displayName.strip(), passwords.encode(password), roles).isEmpty()) {
            throw new ConflictException("username", "A user named '" + name + "' exists already.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", displayName.strip());
        details.put("roles", sorted(roles));
        if (address != null) {
            users.setEmail(name, address);
            details.put("email", address);
        }
        audit.record("user.created", ENTITY, name, details);
        return get(name);
    }

    /**
     * Changes a user's display name and / or roles; a {@code null} keeps the current value. Taking ADMIN from the
     * last enabled ADMIN is refused.
     */
    @Transactional
    public UserView update(String username, String displayName, Set<Role> roles) {
        return update(username, displayName, roles, null);
    }

    /**
     * As {@link #update(String, String, Set)}, and the e-mail address: {@code null} keeps it, a blank text removes
     * it.
     */
    @Transactional
    public UserView update(String username, String displayName, Set<Role> roles, String email) {
        List<FieldProblem> problems = new ArrayList<>();
        String address = email == null ? null : UserEmail.check(email, problems);
        if (displayName != null) {
            checkDisplayName(displayName, problems);
        }
        if (roles != null) {
            checkRoles(roles, problems);
        }
        throwIfAny(problems);
        List<String> enabledAdmins = users.lockEnabledWithRole(Role.ADMIN);
        UserSummary current = summary(username);
        if (displayName != null && !displayName.strip().equals(current.displayName())) {
            users.updateDisplayName(current.username(), displayName.strip());
            audit.record("user.display_name_changed", ENTITY, current.username(),
                    Map.of("from", current.displayName(), "to", displayName.strip()));
        }
        if (roles != null && !roles.equals(current.roles())) {
            if (!roles.contains(Role.ADMIN) && enabledAdmins.equals(List.of(current.username()))) {
                throw new ConflictException("roles", "'" + current.username() + "' is the last enabled ADMIN: give"
                        + " another enabled user the ADMIN role first.");
            }
            users.replaceRoles(current.username(), roles);
            audit.record("user.roles_changed", ENTITY, current.username(),
                    Map.of("from", sorted(current.roles()), "to", sorted(roles)));
        }
        if (email != null && !Objects.equals(address, current.email())) {
            users.setEmail(current.username(), address);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", current.email());
            details.put("to", address);
            audit.record("user.email_changed", ENTITY, current.username(), details);
        }
        return get(current.username());
    }

    /**
     * Disables (no sign-in any more) or enables a user. Nobody can disable themself, nor the last enabled ADMIN.
     */
    @Transactional
    public UserView setEnabled(String username, boolean enabled) {
        List<String> enabledAdmins = users.lockEnabledWithRole(Role.ADMIN);
        UserSummary current = summary(username);
        if (current.enabled() == enabled) {
            return get(current.username());
        }
        if (!enabled) {
            if (current.username().equals(UserRepository.normalize(CurrentUser.name()))) {
                throw new ConflictException("enabled", "You cannot disable your own account; another ADMIN can.");
            }
            if (enabledAdmins.equals(List.of(current.username()))) {
                throw new ConflictException("enabled", "'" + current.username() + "' is the last enabled ADMIN and"
                        + " cannot be disabled: give another user the ADMIN role first.");
            }
        }
        users.setEnabled(current.username(), enabled);
        audit.record(enabled ? "user.enabled" : "user.disabled", ENTITY, current.username(), Map.of());
        return get(current.username());
    }

    /** Sets a new password (under the policy) for a user, and lifts a sign-in lock on the account. */
    @Transactional
    public void resetPassword(String username, String password) {
        UserSummary current = summary(username);
        PasswordPolicy.problem(current.username(), password).ifPresent(rule -> {
            throw new InvalidInputException("password", rule);
        });
        users.setPasswordHash(current.username(), passwords.encode(password));
        boolean unlocked = throttle.clear(current.username());
        audit.record("user.password_reset", ENTITY, current.username(), Map.of("failedSignInsCleared", unlocked));
    }

    private UserSummary summary(String username) {
        return (username == null ? Optional.<UserSummary>empty() : users.summary(username))
                .orElseThrow(() -> new NotFoundException("There is no user named '" + username + "'."));
    }

    private static void checkDisplayName(String displayName, List<FieldProblem> problems) {
        if (displayName == null || displayName.isBlank()) {
            problems.add(new FieldProblem("displayName", "is required: 1 to " + DISPLAY_NAME_MAX_LENGTH
                    + " characters"));
        } else if (displayName.strip().length() > DISPLAY_NAME_MAX_LENGTH) {
            problems.add(new FieldProblem("displayName", "must be at most " + DISPLAY_NAME_MAX_LENGTH
                    + " characters (has " + displayName.strip().length() + ")"));
        } else if (displayName.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("displayName", "must be a single line without control characters"));
        }
    }

    private static void checkRoles(Set<Role> roles, List<FieldProblem> problems) {
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "must hold at least one of " + Arrays.toString(Role.values())));
        }
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
