package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A workflow's tags as people type them and as they are kept: each trimmed and lower-cased, then 1 to
 * {@value #MAX_LENGTH} letters, digits, '-' or '_'; duplicates merged, sorted; at most {@value #MAX_TAGS}.
 */
public final class WorkflowTags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 40;
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1," + MAX_LENGTH + "}");
    /** What a tag must be, in the words of an error message. */
    public static final String RULE = "1 to " + MAX_LENGTH + " letters, digits, '-' or '_' (no spaces)";

    private WorkflowTags() {
    }

    /** The tags cleaned (trimmed, lower-case, sorted, no duplicates), or a 400 naming {@code field[i]} and why. */
    public static List<String> checked(List<String> tags, String field) {
        if (tags == null) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>();
        TreeSet<String> clean = new TreeSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must be " + RULE + "; '"
                        + (tags.get(i) == null ? "null" : tags.get(i)) + "' is not"));
            } else {
                clean.add(tag);
            }
        }
        if (clean.size() > MAX_TAGS) {
            problems.add(new FieldProblem(field, "must hold at most " + MAX_TAGS + " tags (has " + clean.size()
                    + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(clean);
    }

    /** One tag to filter by: cleaned, or a 400 naming {@code field}; null or blank is no filter (null). */
    public static String filter(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String clean = tag.strip().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(clean).matches()) {
            throw new InvalidInputException(field, "must be a tag: " + RULE + "; '" + tag + "' is not");
        }
        return clean;
    }
}
