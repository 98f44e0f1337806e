package dev.junction.ui.templates;

import com.vaadin.flow.component.textfield.TextArea;
import dev.junction.engine.json.PayloadJson;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Optional;

/**
 * The wizard's test input: the template's sample as indented JSON, which the user may change before the test run
 * (a new order id for each run, an order that exists in their shop) — or, resumed, the input kept in the draft.
 * {@link #input()} answers the object to run on, or marks the field invalid with what is wrong
 * ({@code data-invalid=true}) and answers nothing.
 */
final class TestInputField extends TextArea {

    private static final ObjectWriter PRETTY = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private static final String SAMPLE_HELP = "The template's sample input. Change it to your own data before running:"
            + " e.g. ids that are new (a second run of the same order may be refused as a duplicate), or that exist in"
            + " the systems you connected.";
    private static final String KEPT_HELP = "Your test input, as you left it. \"Use the template's sample\" puts the"
            + " sample back.";

    private final Object sample;

    /** The field showing {@code kept} (the draft's test input), or the template's {@code sample} when null. */
    TestInputField(Object sample, Object kept) {
        super("Test input (JSON)");
        this.sample = sample;
        setId("wizard-test-input");
        getElement().setAttribute("data-testid", "wizard-test-input");
        setWidthFull();
        setMaxHeight("22em");
        if (kept == null) {
            resetToSample();
        } else {
            setValue(pretty(kept));
            setHelperText(KEPT_HELP);
            valid();
        }
        addValueChangeListener(change -> valid());
    }

    /** A value as indented JSON. */
    static String pretty(Object value) {
        return PRETTY.writeValueAsString(value);
    }

    /** Puts the template's sample back. */
    void resetToSample() {
        setValue(sample == null ? "{}" : pretty(sample));
        setHelperText(SAMPLE_HELP);
        valid();
    }

    /** The input to run on, when the text is a JSON object; else the field says why, and nothing is answered. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> input() {
        String problem = problem(getValue());
        if (problem != null) {
            invalid(problem);
            return Optional.empty();
        }
        valid();
        return Optional.of((Map<String, Object>) PayloadJson.read(getValue()));
    }

    /** What is wrong with the text as a test input (null: nothing). */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "Test input: enter a JSON object, e.g. the template's sample";
        }
        Object value;
        try {
            value = PayloadJson.read(text);
        } catch (IllegalArgumentException notJson) {
            return "Test input: not valid JSON (" + notJson.getMessage() + ")";
        }
        return value instanceof Map<?, ?> ? null : "Test input: must be a JSON object ({…}), the trigger's payload";
    }

    private void invalid(String problem) {
        setInvalid(true);
        setErrorMessage(problem);
        getElement().setAttribute("data-invalid", "true");
    }

    private void valid() {
        setInvalid(false);
        setErrorMessage(null);
        getElement().setAttribute("data-invalid", "false");
    }
}
