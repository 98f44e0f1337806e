package dev.junction.ui.shared;

import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' convention read without guessing: problems are field-relative, conflicts whole sentences. */
class FieldErrorsTest {

    private final TextField name = new TextField("Name");
    private final TextField description = new TextField("Description");
    private final List<String> formErrors = new ArrayList<>();
    private final FieldErrors errors = new FieldErrors().on("name", "Name", name)
            .on("description", "Description", description).otherwise(formErrors::add);

    @Test
    void aFieldProblemIsShownAfterTheLabelOfTheFieldItNames() {
        errors.show(new InvalidInputException(List.of(new FieldProblem("name", "is required and must not be blank"),
                new FieldProblem("description", "must be at most 2000 characters"))));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Name is required and must not be blank");
        assertThat(description.getErrorMessage()).isEqualTo("Description must be at most 2000 characters");
        assertThat(formErrors).isEmpty();
    }

    @Test
    void aConflictIsAWholeSentenceAndIsShownAsItIs() {
        errors.show(new ConflictException("name", "A workflow named 'Orders' already exists; choose another name."));

        assertThat(name.getErrorMessage()).isEqualTo("A workflow named 'Orders' already exists; choose another name.");
    }

    @Test
    void aProblemNoFieldShowsGoesToTheFallbackNamingItsPath() {
        errors.show(new InvalidInputException("settings", "has a header twice"));
        errors.show(new InvalidInputException("", "is not valid JSON"));

        assertThat(formErrors).containsExactly("settings has a header twice", "Is not valid JSON");
        assertThat(name.isInvalid()).isFalse();
    }

    @Test
    void clearingTakesEveryShownErrorAway() {
        errors.show(new InvalidInputException("name", "must not contain control characters such as line breaks"));
        errors.clear();

        assertThat(name.isInvalid()).isFalse();
    }
}
