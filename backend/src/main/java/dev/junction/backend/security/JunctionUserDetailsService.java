package dev.junction.backend.security;

import dev.junction.db.users.UserRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs users in from the {@code users} table, for the browser session and the REST API alike. A name locked by
 * the {@link LoginThrottle} answers a locked account whether a user has it or not, so its password is not even
 * checked and the sign-in fails like any other.
 */
@Service
class JunctionUserDetailsService implements UserDetailsService {

    /** Never a hash that a password matches; the password of a locked name is not checked anyway. */
    private static final String NO_PASSWORD = "{noop}\u0000locked";

    private final UserRepository users;
    private final LoginThrottle throttle;

    JunctionUserDetailsService(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (throttle.lockedUntil(username).isPresent()) {
            return User.withUsername(LoginThrottle.key(username)).password(NO_PASSWORD).accountLocked(true).build();
        }
        return users.findByUsername(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .disabled(!user.enabled())
                        .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
