package dev.junction.backend.alerts;

import dev.junction.backend.api.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alert rules over REST, and the condition kinds they may use. */
@RestController
class AlertRuleController {

    private static final String[] FIELDS = {"name", "enabled", "conditionKind", "parameters", "workflowId", "tag",
            "connectionId", "severity", "channelIds", "renotifyMinutes", "messageTemplate"};

    private final AlertRuleService service;

    AlertRuleController(AlertRuleService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/alert-conditions")
    List<AlertRuleService.ConditionKind> kinds() {
        return service.kinds();
    }

    @GetMapping("/api/v1/alert-rules")
    List<AlertRule> list() {
        return service.list();
    }

    @PostMapping(value = "/api/v1/alert-rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AlertRule create(@RequestBody String body) {
        return service.create(input(body));
    }

    @GetMapping("/api/v1/alert-rules/{id}")
    AlertRule get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PutMapping(value = "/api/v1/alert-rules/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AlertRule update(@PathVariable UUID id, @RequestBody String body) {
        return service.update(id, input(body));
    }

    @DeleteMapping("/api/v1/alert-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    private static AlertRuleInput input(String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object with name, conditionKind, parameters, the scope"
                + " (workflowId, tag or connectionId), severity, channelIds, renotifyMinutes, messageTemplate", FIELDS);
        return new AlertRuleInput(RequestFields.text(fields, "name"), RequestFields.bool(fields, "enabled"),
                RequestFields.text(fields, "conditionKind"), RequestFields.object(fields, "parameters"),
                RequestFields.uuid(fields, "workflowId"), RequestFields.text(fields, "tag"),
                RequestFields.text(fields, "connectionId"), RequestFields.text(fields, "severity"),
                RequestFields.uuids(fields, "channelIds"), RequestFields.integer(fields, "renotifyMinutes"),
                RequestFields.text(fields, "messageTemplate"));
    }
}
