package dev.junction.backend.security;

import dev.junction.backend.ApiClient;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Calls every REST endpoint as a user of each role and tells which roles were let through (not 401/403). */
final class RoleMatrixProbe {

    static final String PASSWORD = "matrix-password-123";

    private RoleMatrixProbe() {
    }

    static Map<Role, ApiClient> users(int port, UserRepository users, PasswordEncoder passwords) {
        Map<Role, ApiClient> clients = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String name = "matrix-" + role.name().toLowerCase();
            if (users.findByUsername(name).isEmpty()) {
                users.insert(name, "Matrix " + role, passwords.encode(PASSWORD), Set.of(role));
            }
            clients.put(role, ApiClient.anonymous(port).as(name, PASSWORD));
        }
        return clients;
    }

    /** Every "METHOD /pattern" of the REST API under /api/. */
    static Set<String> endpoints(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new java.util.TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    /** The path with its variables filled by values that exist nowhere (so that nothing real is changed). */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]*(id|Id)}", "00000000-0000-0000-0000-000000000000")
                .replaceAll("\\{v(ersion)?}", "1")
                .replaceAll("\\{[^}]+}", "matrix-nothing");
    }

    /** Whether the role's call got past authorization (anything but 401 and 403). */
    static Map<String, Set<Role>> observe(Set<String> endpoints, Map<Role, ApiClient> clients) {
        Map<String, Set<Role>> allowed = new TreeMap<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            Set<Role> through = java.util.EnumSet.noneOf(Role.class);
            for (Map.Entry<Role, ApiClient> client : clients.entrySet()) {
                int status = client.getValue().send(method, path, method.equals("GET") || method.equals("DELETE")
                        ? null : "{}").statusCode();
                if (status != 401 && status != 403) {
                    through.add(client.getKey());
                }
            }
            allowed.put(endpoint, through);
        }
        return allowed;
    }
}
