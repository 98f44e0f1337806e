package dev.junction.engine.mapping.suggest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One proposed rule: fill {@code targetPath} from {@code sourcePath} through {@code pipe} (built-in function steps
 * as a rule writes them: {@code {"fn": "toMinorUnits", "args": [{"from": "OrderTotal.CurrencyCode"}]}}) and, for a
 * target that takes only some values, a {@code valueMap} (a value map's name, or null), with a
 * confidence in [0, 1] and the reasons, in words, it was proposed for.
 *
 * <p>A {@code forEach} suggestion has {@code inner} suggestions: its {@code sourcePath} is then the source list
 * (not a leaf), and the inner paths are relative to the lists' elements (a source path may be {@code $root.…} or
 * {@code $index}). A leaf suggestion has no inner ones.
 */
public record Suggestion(String targetPath, String sourcePath, List<Map<String, Object>> pipe, String valueMap,
                         double confidence, List<String> reasons, List<Suggestion> inner) {

    /** Without a value map. */
    public Suggestion(String targetPath, String sourcePath, List<Map<String, Object>> pipe, double confidence,
                      List<String> reasons, List<Suggestion> inner) {
        this(targetPath, sourcePath, pipe, null, confidence, reasons, inner);
    }

    public Suggestion {
        Objects.requireNonNull(targetPath, "targetPath");
        pipe = pipe == null ? List.of() : List.copyOf(pipe);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        inner = inner == null ? List.of() : List.copyOf(inner);
    }

    public boolean isForEach() {
        return !inner.isEmpty();
    }
}
