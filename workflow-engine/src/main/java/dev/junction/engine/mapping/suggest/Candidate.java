package dev.junction.engine.mapping.suggest;

import java.util.List;
import java.util.Map;

/**
 * A possible rule before the choice: one target field, one source field, how sure, and whether the source may also
 * feed another target ({@code shareable}: a full name gives first and last name, a saved mapping did so, a field
 * of the whole record read in every element) or may do so at a small cost ({@code strongName}: its name is the
 * target's or a synonym of it).
 */
record Candidate(Field target, Field source, double confidence, List<Map<String, Object>> pipe, String valueMap,
                 List<String> reasons, List<Suggestion> inner, boolean shareable, boolean strongName) {

    Suggestion suggestion(double confidence, List<String> reasons) {
        return new Suggestion(target.path(), source.path(), pipe, valueMap, Math.round(confidence * 100) / 100.0,
                reasons, inner);
    }
}
