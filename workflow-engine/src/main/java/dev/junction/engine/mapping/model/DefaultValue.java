package dev.junction.engine.mapping.model;

/** A rule's {@code default}: the value when its result is nothing (the value itself may be null). */
public record DefaultValue(Object value) {
    public DefaultValue {
        value = Constants.immutable(value);
    }
}
