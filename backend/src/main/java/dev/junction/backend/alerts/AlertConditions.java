package dev.junction.backend.alerts;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every condition kind there is (each an {@link AlertCondition} bean), by kind name. */
@Component
public class AlertConditions {

    private final Map<String, AlertCondition> byKind = new LinkedHashMap<>();

    AlertConditions(List<AlertCondition> conditions) {
        conditions.forEach(condition -> {
            if (byKind.put(condition.kind(), condition) != null) {
                throw new IllegalStateException("two alert conditions of kind " + condition.kind());
            }
        });
    }

    public Optional<AlertCondition> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Collection<AlertCondition> all() {
        return byKind.values();
    }
}
