package dev.junction.ui.shared;

import com.vaadin.flow.component.shared.HasValidationProperties;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shows a service's refusal on the field it names. The services keep one convention that this relies on (no
 * guessing from a message's first words): an {@link InvalidInputException.FieldProblem}'s message is relative to
 * its field ("must be an http or https URL") and is shown after the field's label ("Base URL must be an http or
 * https URL"); a {@link ConflictException}'s message is a whole sentence and is shown as it is. A problem no field
 * of the form shows goes to the form's fallback (a line above the buttons, or a field chosen by the form).
 */
public final class FieldErrors {

    /** A field a problem can be shown on; {@code reveal} runs first (e.g. opens a hidden "Replace" input). */
    public record Target(HasValidationProperties field, String label, Runnable reveal) {

        public Target {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(reveal, "reveal");
        }

        public Target(HasValidationProperties field, String label) {
            this(field, label, () -> { });
        }
    }

    private final Map<String, Target> byPath = new LinkedHashMap<>();
    private final List<Function<String, Optional<Target>>> lookups = new ArrayList<>();
    private final List<HasValidationProperties> shown = new ArrayList<>();
    private Consumer<String> otherwise = sentence -> {
        throw new IllegalStateException("no field shows: " + sentence);
    };

    /** Problems naming {@code path} show on {@code field}, after {@code label}. */
    public FieldErrors on(String path, String label, HasValidationProperties field) {
        byPath.put(path, new Target(field, label));
        return this;
    }

    /** Problems naming a path that starts with {@code prefix} show where {@code lookup} finds the rest of it. */
    public FieldErrors under(String prefix, Function<String, Optional<Target>> lookup) {
        lookups.add(path -> path.startsWith(prefix) ? lookup.apply(path.substring(prefix.length()))
                : Optional.empty());
        return this;
    }

    /** Where a problem no field shows goes, as a whole sentence. */
    public FieldErrors otherwise(Consumer<String> sentence) {
        this.otherwise = Objects.requireNonNull(sentence, "sentence");
        return this;
    }

    /** Problems no field shows go onto {@code field}, after its own label. */
    public FieldErrors otherwise(String label, HasValidationProperties field) {
        return otherwise(sentence -> show(new Target(field, label), sentence));
    }

    /** Clears every error shown so far. */
    public void clear() {
        shown.forEach(field -> field.setInvalid(false));
        shown.clear();
        byPath.values().forEach(target -> target.field().setInvalid(false));
    }

    /** Shows each of the service's problems on its field. */
    public void show(InvalidInputException refusal) {
        refusal.problems().forEach(problem -> showRelative(problem.field(), problem.message()));
    }

    /** Shows the service's conflict (a whole sentence) on the field it names. */
    public void show(ConflictException conflict) {
        Optional<Target> target = target(conflict.field());
        if (target.isPresent()) {
            show(target.get(), conflict.getMessage());
        } else {
            otherwise.accept(conflict.getMessage());
        }
    }

    /** Shows {@code message}, relative to the field at {@code path} ("must be …"), on that field. */
    public void showRelative(String path, String message) {
        Optional<Target> target = target(path);
        if (target.isPresent()) {
            show(target.get(), sentence(target.get().label(), message));
        } else {
            otherwise.accept(path == null || path.isEmpty() ? capitalised(message) : sentence(path, message));
        }
    }

    /** Shows a whole sentence on the field at {@code path} (a check the form makes itself). */
    public void showSentence(String path, String sentence) {
        target(path).ifPresentOrElse(target -> show(target, sentence), () -> otherwise.accept(sentence));
    }

    /** "Base URL must be an http or https URL": a field-relative message after the field's label. */
    public static String sentence(String label, String message) {
        return message == null || message.isBlank() ? label + " is not valid" : label + " " + message;
    }

    private Optional<Target> target(String path) {
        String key = path == null ? "" : path;
        if (byPath.containsKey(key)) {
            return Optional.of(byPath.get(key));
        }
        return lookups.stream().map(lookup -> lookup.apply(key)).flatMap(Optional::stream).findFirst();
    }

    private void show(Target target, String sentence) {
        target.reveal().run();
        target.field().setErrorMessage(sentence);
        target.field().setInvalid(true);
        shown.add(target.field());
    }

    private static String capitalised(String message) {
        return message == null || message.isEmpty() ? "The input is not valid"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
