package dev.junction.backend.alerts;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Alerts and their lifecycle actions over REST, and maintenance windows. */
@RestController
class AlertController {

    private final AlertService alerts;
    private final MaintenanceWindowService windows;

    AlertController(AlertService alerts, MaintenanceWindowService windows) {
        this.alerts = alerts;
        this.windows = windows;
    }

    /** Alerts newest first; {@code state} is comma-separated ({@code firing,acknowledged}). */
    @GetMapping("/api/v1/alerts")
    List<Alert> list(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
                     @RequestParam(required = false) UUID rule, @RequestParam(required = false) UUID workflow,
                     @RequestParam(defaultValue = "200") int limit) {
        List<String> states = state == null || state.isBlank() ? null : Arrays.stream(state.split(","))
                .map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return alerts.list(states, severity == null ? null : severity.toLowerCase(Locale.ROOT), rule, workflow,
                limit);
    }

    @GetMapping("/api/v1/alerts/{id}")
    Alert get(@PathVariable UUID id) {
        return alerts.get(id);
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    Alert acknowledge(@PathVariable UUID id) {
        return alerts.acknowledge(id);
    }

    /** Body {@code {"minutes": 60}} or {@code {"until": "2026-01-31T22:00:00Z"}}. */
    @PostMapping(value = "/api/v1/alerts/{id}/snooze", consumes = MediaType.APPLICATION_JSON_VALUE)
    Alert snooze(@PathVariable UUID id, @RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object with minutes or until", "minutes", "until");
        Integer minutes = RequestFields.integer(fields, "minutes");
        OffsetDateTime until = RequestFields.time(fields, "until");
        if ((minutes == null) == (until == null)) {
            throw new InvalidInputException("minutes", "give either minutes (from now) or until (a time)");
        }
        return minutes != null ? alerts.snoozeFor(id, minutes) : alerts.snooze(id, until);
    }

    @PostMapping("/api/v1/alerts/{id}/unsnooze")
    Alert unsnooze(@PathVariable UUID id) {
        return alerts.unsnooze(id);
    }

    /** Body {@code {"note": "…"}} (optional). */
    @PostMapping("/api/v1/alerts/{id}/resolve")
    Alert resolve(@PathVariable UUID id, @RequestBody(required = false) String body) {
        String note = null;
        if (body != null && !body.isBlank()) {
            note = RequestFields.text(JsonBodies.object(body, "a JSON object with a note", "note"), "note");
        }
        return alerts.resolve(id, note);
    }

    @GetMapping("/api/v1/maintenance-windows")
    List<MaintenanceWindow> windows(@RequestParam(defaultValue = "false") boolean ended) {
        return windows.list(ended);
    }

    @PostMapping(value = "/api/v1/maintenance-windows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MaintenanceWindow createWindow(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object with startsAt, endsAt, reason and optionally"
                + " workflowId or connectionId", "workflowId", "connectionId", "startsAt", "endsAt", "reason");
        return windows.create(RequestFields.uuid(fields, "workflowId"), RequestFields.text(fields, "connectionId"),
                RequestFields.time(fields, "startsAt"), RequestFields.time(fields, "endsAt"),
                RequestFields.text(fields, "reason"));
    }

    @DeleteMapping("/api/v1/maintenance-windows/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteWindow(@PathVariable UUID id) {
        windows.delete(id);
    }
}
