package dev.junction.backend.users;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.UserAccount;
import dev.junction.db.users.UserRepository;
import dev.junction.db.users.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every signed-in user may do to their own account: see their e-mail address, change their password. */
@Service
public class OwnAccountService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    OwnAccountService(UserRepository users, PasswordEncoder passwords, AuditTrail audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** The signed-in user's e-mail address (an ADMIN sets it in the Users view); null when they have none. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String email() {
        return users.summary(CurrentUser.name()).map(UserSummary::email).orElse(null);
    }

    /**
     * Replaces the signed-in user's password: {@code current} must be it, {@code replacement} must follow the
     * {@link PasswordPolicy} and differ from it. Problems name the fields {@code current} and {@code new}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String current, String replacement) {
        UserAccount account = users.findByUsername(CurrentUser.name())
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
        List<FieldProblem> problems = new ArrayList<>();
        if (current == null || current.isEmpty()) {
            problems.add(new FieldProblem("current", "is required: your current password"));
        } else if (!passwords.matches(current, account.passwordHash())) {
            problems.add(new FieldProblem("current", "is not your current password"));
        }
        PasswordPolicy.problem(account.username(), replacement)
                .ifPresent(rule -> problems.add(new FieldProblem("new", rule)));
        if (problems.isEmpty() && replacement.equals(current)) {
            problems.add(new FieldProblem("new", "must differ from the current password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        users.setPasswordHash(account.username(), passwords.encode(replacement));
        audit.record("user.password_changed", UserService.ENTITY, account.username(), Map.of());
    }
}
