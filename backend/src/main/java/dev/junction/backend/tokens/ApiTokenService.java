package dev.junction.backend.tokens;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.tokens.ApiTokenRepository;
import dev.junction.db.tokens.StoredApiToken;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserAccount;
import dev.junction.db.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens: every signed-in user creates, lists and revokes their own; an admin may list and revoke
 * anyone's. A token is shown once, when created, and stored only as its hash ({@link ApiTokenFormat}).
 * {@link #authenticate} turns a bearer token into its owner's authentication for the REST API.
 */
@Service
public class ApiTokenService {

    static final String ENTITY = "api_token";
    static final int NAME_MAX_LENGTH = 80;
    static final int MAX_DAYS = 365;
    /** How stale {@code last_used_at} may get: a busy token costs one write a minute, not one per request. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for the signed-in user; the answer is the only place the token ever appears. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public CreatedApiToken create(ApiTokenRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new TokenCreationRefused();
        }
        String name = checkedName(request.name());
        OffsetDateTime expiresAt = checkedExpiry(request.expiresAt(), request.expiresInDays());
        UserAccount owner = signedInUser();
        if (tokens.nameInUse(owner.id(), name)) {
            throw nameTaken(name);
        }
        String token = ApiTokenFormat.newToken();
        StoredApiToken stored = tokens.insert(owner.id(), name, ApiTokenFormat.hash(token),
                ApiTokenFormat.prefix(token), expiresAt).orElseThrow(() -> nameTaken(name));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", stored.name());
        details.put("owner", stored.username());
        details.put("prefix", stored.prefix());
        details.put("expiresAt", stored.expiresAt() == null ? null : stored.expiresAt().toString());
        audit.record("token.created", ENTITY, stored.id().toString(), details);
        return new CreatedApiToken(stored.id(), stored.name(), token, stored.prefix(), stored.expiresAt());
    }

    /** The tokens of {@code username} (null: the signed-in user's own), newest first; only admins see others'. */
    @PreAuthorize("#username == null or #username.equalsIgnoreCase(authentication.name) or hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiTokenView> list(String username) {
        UserAccount owner = username == null ? signedInUser() : users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
        Instant now = clock.instant();
        return tokens.ofUser(owner.id()).stream().map(token -> ApiTokenView.of(token, now)).toList();
    }

    /**
     * Revokes a token of the signed-in user (an admin: anyone's); it stops working at once. Revoking a revoked token
     * changes nothing. Someone else's token is answered as not found, as if it did not exist.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public ApiTokenView revoke(UUID id) {
        StoredApiToken token = tokens.find(id)
                .filter(found -> found.username().equals(CurrentUser.name()) || CurrentUser.hasAnyRole(Role.ADMIN))
                .orElseThrow(() -> new NotFoundException("No API token with id " + id + " among yours"));
        if (tokens.revoke(id)) {
            audit.record("token.revoked", ENTITY, id.toString(),
                    Map.of("name", token.name(), "owner", token.username(), "prefix", token.prefix()));
        }
        return ApiTokenView.of(tokens.find(id).orElseThrow(), clock.instant());
    }

    /**
     * The authentication a bearer token stands for: its owner with the owner's current roles, when the token is
     * known, not revoked, not expired and its owner is enabled; empty otherwise (the reason is logged at debug, and
     * only there). Open to anyone: it is how a request signs in.
     */
    @Transactional
    public Optional<ApiTokenAuthentication> authenticate(String token) {
        if (!ApiTokenFormat.looksLikeToken(token)) {
            log.debug("Bearer token refused: not in the form of a Junction API token");
            return Optional.empty();
        }
        Optional<StoredApiToken> found = tokens.findByHash(ApiTokenFormat.hash(token));
        if (found.isEmpty()) {
            log.debug("Bearer token refused: no such API token");
            return Optional.empty();
        }
        StoredApiToken stored = found.get();
        Instant now = clock.instant();
        if (stored.revokedAt() != null) {
            log.debug("Bearer token refused: API token {} of {} was revoked at {}", stored.id(), stored.username(),
                    stored.revokedAt());
            return Optional.empty();
        }
        if (stored.expiresAt() != null && !stored.expiresAt().toInstant().isAfter(now)) {
            log.debug("Bearer token refused: API token {} of {} expired at {}", stored.id(), stored.username(),
                    stored.expiresAt());
            return Optional.empty();
        }
        Optional<UserAccount> owner = users.findByUsername(stored.username()).filter(UserAccount::enabled);
        if (owner.isEmpty()) {
            log.debug("Bearer token refused: the owner of API token {}, {}, is disabled", stored.id(),
                    stored.username());
            return Optional.empty();
        }
        if (stored.lastUsedAt() == null || !stored.lastUsedAt().toInstant().isAfter(now.minus(LAST_USE_RESOLUTION))) {
            tokens.markUsed(stored.id(), LAST_USE_RESOLUTION);
        }
        return Optional.of(new ApiTokenAuthentication(owner.get().username(), stored.id(), owner.get().roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
    }

    private UserAccount signedInUser() {
        return users.findByUsername(CurrentUser.name())
                .orElseThrow(() -> new NotFoundException("No user named '" + CurrentUser.name() + "'"));
    }

    private static String checkedName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "is required and must not be blank");
        }
        if (clean.length() > NAME_MAX_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + NAME_MAX_LENGTH + " characters (has "
                    + clean.length() + ")");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "must not contain control characters such as line breaks");
        }
        return clean;
    }

    private OffsetDateTime checkedExpiry(String expiresAt, Integer expiresInDays) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime latest = now.plusDays(MAX_DAYS);
        if (expiresAt != null && expiresInDays != null) {
            throw new InvalidInputException("expiresAt", "must not be given together with expiresInDays: give one of them");
        }
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
                throw new InvalidInputException("expiresInDays", "must be between 1 and " + MAX_DAYS + " (was "
                        + expiresInDays + ")");
            }
            return now.plusDays(expiresInDays).truncatedTo(ChronoUnit.SECONDS);
        }
        if (expiresAt == null) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(expiresAt.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresAt", "must be an ISO 8601 date-time with an offset, such as"
                    + " 2027-01-31T18:00:00Z (was '" + expiresAt + "')");
        }
        if (!parsed.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future (was " + expiresAt + ")");
        }
        if (parsed.isAfter(latest)) {
            throw new InvalidInputException("expiresAt", "must be at most " + MAX_DAYS + " days from now, that is"
                    + " not after " + latest.truncatedTo(ChronoUnit.SECONDS) + " (was " + expiresAt + ")");
        }
        return parsed;
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name", "You have an API token named '" + name + "' already; choose another"
                + " name or revoke that token first.");
    }
}
