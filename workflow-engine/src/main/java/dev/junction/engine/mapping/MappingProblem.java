package dev.junction.engine.mapping;

import java.util.Objects;

/**
 * One problem of a mapping: in its definition (then {@code path} is a JSON path into the mapping document, e.g.
 * {@code rules[3].pipe[0].fn}) or in one run of it (then {@code path} is the target path, e.g.
 * {@code billingAddress.address1} or {@code items[2].sku}). Errors stop a run from using the output; warnings
 * (a value trimmed to the target's maxLength) do not.
 */
public record MappingProblem(Severity severity, String path, String code, String message) {

    public MappingProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static MappingProblem error(String path, String code, String message) {
        return new MappingProblem(Severity.ERROR, path, code, message);
    }

    public static MappingProblem warning(String path, String code, String message) {
        return new MappingProblem(Severity.WARNING, path, code, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public enum Severity {
        ERROR, WARNING
    }
}
