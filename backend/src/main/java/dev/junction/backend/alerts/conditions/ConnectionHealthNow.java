package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.connections.health.ConnectionHealth;
import dev.junction.backend.connections.health.ConnectionHealthService;

import java.util.List;

/** Every connection's health as it is at the cycle's start, read once per cycle for the connection kinds' rules. */
final class ConnectionHealthNow {

    private ConnectionHealthNow() {
    }

    static List<ConnectionHealth> of(ConnectionHealthService health, CycleReads reads) {
        return reads.once("connection_health", health::healthNow);
    }
}
