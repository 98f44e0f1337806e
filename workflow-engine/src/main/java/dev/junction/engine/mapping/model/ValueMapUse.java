package dev.junction.engine.mapping.model;

import java.util.Map;
import java.util.Objects;

/** The value map a rule applies: a shipped or stored one by name, or one written inline. */
public sealed interface ValueMapUse {

    record Named(String name) implements ValueMapUse {
        public Named {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A value map written into the rule, in the value maps' own JSON form ({@code {"entries": {…}, "unmapped":
     * "error" | "default" | "passThrough", "default": …, "caseInsensitive": …}}, read by {@code ValueMap.fromJson}).
     */
    record Inline(Map<String, Object> definition) implements ValueMapUse {
        public Inline {
            definition = dev.junction.engine.json.JsonValues.immutableObject(Objects.requireNonNull(definition,
                    "definition"));
        }
    }
}
