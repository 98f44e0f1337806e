package dev.junction.backend.tokens;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;
import java.util.UUID;

/**
 * A request signed in with a personal API token: the token owner's name and roles (as read at this request), and
 * which token it was. It holds no credentials.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final UUID tokenId;

    ApiTokenAuthentication(String username, UUID tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    public UUID tokenId() {
        return tokenId;
    }
}
