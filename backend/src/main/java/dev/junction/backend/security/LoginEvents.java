package dev.junction.backend.security;

import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.database.DatabaseOutage;
import dev.junction.db.users.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hears every password sign-in Spring Security decides — the UI's login form and the REST API's HTTP Basic alike —
 * counts failures for the {@link LoginThrottle} (per name) and the {@link AddressThrottle} (per client address,
 * audited as {@code login.address_blocked} when it blocks one), notes each user's last sign-in, and audits {@code login.failed}
 * and {@code login.succeeded} with the name tried and the source address (never the password).
 *
 * <p>HTTP Basic authenticates every API request; to keep the audit log readable, such a success is audited only
 * when it ends a run of failures or is the user's first in {@link #API_LOGIN_QUIET} (UI sign-ins: always).
 */
@Component
class LoginEvents {

    static final Duration API_LOGIN_QUIET = Duration.ofMinutes(1);
    static final String ENTITY = "user";
    static final String ADDRESS_ENTITY = "client_address";
    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final LoginThrottle throttle;
    private final AddressThrottle addresses;
    private final UserRepository users;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LoginEvents(LoginThrottle throttle, AddressThrottle addresses, UserRepository users, AuditTrail audit,
                TransactionTemplate transaction, Clock clock) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.users = users;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return; // not a password sign-in
        }
        String name = authentication.getName();
        String source = source(authentication);
        boolean basic = httpBasic();
        try {
            transaction.executeWithoutResult(status -> {
                boolean hadFailures = throttle.clear(name);
                boolean noted = users.recordLogin(name, OffsetDateTime.now(clock),
                        basic ? API_LOGIN_QUIET : Duration.ZERO);
                if (!basic || hadFailures || noted) {
                    audit.recordAs(LoginThrottle.key(name), "login.succeeded", ENTITY, LoginThrottle.key(name),
                            Map.of("source", source, "method", basic ? "basic" : "form"));
                }
            });
        } catch (RuntimeException e) {
            log.error("Could not record the sign-in of '{}' from {}", LoginThrottle.key(name), source, e);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String name = LoginThrottle.key(authentication.getName());
        String source = source(authentication);
        if (DatabaseOutage.isCause(event.getException())) {
            log.warn("Sign-in of '{}' from {} could not be checked: the database cannot be reached", name, source);
            return;
        }
        String reason = reason(event.getException());
        // every guess counts against the address, also one at a locked name (the name's lock does not stop guessing)
        Optional<Instant> addressBlocked = "bad_credentials".equals(reason) || "locked".equals(reason)
                ? addresses.failed(source) : Optional.empty();
        try {
            transaction.executeWithoutResult(status -> {
                Optional<OffsetDateTime> locked = "bad_credentials".equals(reason)
                        ? throttle.failed(name, source) : Optional.empty();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("source", source);
                details.put("method", httpBasic() ? "basic" : "form");
                details.put("reason", reason);
                audit.recordAs(name, "login.failed", ENTITY, name, details);
                locked.ifPresent(until -> audit.recordAs(name, "login.locked", ENTITY, name,
                        Map.of("source", source, "until", until.toString())));
                addressBlocked.ifPresent(until -> audit.recordAs(name, "login.address_blocked", ADDRESS_ENTITY,
                        AddressThrottle.key(source), Map.of("source", source, "until", until.toString())));
            });
        } catch (RuntimeException e) {
            log.error("Could not record the failed sign-in of '{}' from {}", name, source, e);
        }
        if (!"bad_credentials".equals(reason) && !"locked".equals(reason) && !"disabled".equals(reason)) {
            log.warn("Sign-in of '{}' from {} failed: {}", name, source, event.getException().getMessage());
        }
    }

    private static String reason(AuthenticationException failure) {
        return switch (failure) {
            case BadCredentialsException ignored -> "bad_credentials";
            case LockedException ignored -> "locked";
            case DisabledException ignored -> "disabled";
            default -> "other";
        };
    }

    private static String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    /** Whether the request being authenticated carries HTTP Basic credentials (else: the UI's login form). */
    private static boolean httpBasic() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        }
        return false;
    }
}
