package dev.junction.backend.connections.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/connections/health}: every connection's health (every signed-in user; no secrets). */
@RestController
class ConnectionHealthController {

    private final ConnectionHealthService health;

    ConnectionHealthController(ConnectionHealthService health) {
        this.health = health;
    }

    @GetMapping(path = "/api/v1/connections/health", produces = "application/json")
    List<ConnectionHealth> health() {
        return health.health();
    }
}
