package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.SandboxControls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Signs a sandbox control request in as {@code sandbox-control} (role {@value SandboxControlPaths#CONTROL_ROLE})
 * when its {@value SandboxControls#TOKEN_HEADER} header carries the configured sandbox control token (compared in
 * constant time). No token configured: the header is ignored and only an ADMIN may change the sandbox. Created by
 * the control chain only (not a bean: a filter bean would run for every path).
 */
final class SandboxTokenFilter extends OncePerRequestFilter {

    private final byte[] token;
    private final SecurityContextHolderStrategy contexts;

    SandboxTokenFilter(String token, SecurityContextHolderStrategy contexts) {
        if (token != null && !token.isBlank() && token.length() < 16) {
            throw new IllegalArgumentException("junction.sandbox.control-token (JUNCTION_SANDBOX_CONTROL_TOKEN) must"
                    + " have at least 16 characters");
        }
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(SandboxControls.TOKEN_HEADER);
        if (token != null && given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sandbox-control", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + SandboxControlPaths.CONTROL_ROLE))));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
