package dev.junction.backend.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The ops dashboard: {@code GET /api/v1/dashboard?range=24h&workflow=<id>} (every signed-in user). */
@RestController
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping(path = "/api/v1/dashboard", produces = "application/json")
    Dashboard dashboard(@RequestParam(required = false) String range,
                        @RequestParam(required = false) UUID workflow) {
        return dashboards.dashboard(range, workflow);
    }
}
