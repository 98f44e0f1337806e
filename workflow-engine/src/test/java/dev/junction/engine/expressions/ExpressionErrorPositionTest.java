package dev.junction.engine.expressions;

import dev.junction.engine.expressions.ExpressionSession.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A syntax error names where in the user's own text it is (the designer's expression editor marks that place). */
class ExpressionErrorPositionTest {

    private static final ExpressionRuntime RUNTIME = new ExpressionRuntime();

    @AfterAll
    static void close() {
        RUNTIME.close();
    }

    private static ExpressionException failure(String expression) {
        try (ExpressionSession session = RUNTIME.openSession()) {
            session.evaluate(expression, new Scope(Map.of(), Map.of(), Map.of()));
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("expected a failure of " + expression);
    }

    @Test
    void theOffsetOfASyntaxErrorIsCountedInTheExpressionItself() {
        ExpressionException e = failure("trigger.a + * 2");
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.SYNTAX);
        assertThat(e.position()).isEqualTo(12);
    }

    @Test
    void anUnfinishedExpressionFailsAtItsEnd() {
        ExpressionException e = failure("(trigger.a");
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.SYNTAX);
        assertThat(e.position()).isEqualTo("(trigger.a".length());
    }

    @Test
    void aRuntimeFailureHasNoPosition() {
        assertThatThrownBy(() -> {
            try (ExpressionSession session = RUNTIME.openSession()) {
                session.evaluate("trigger.a.b.c()", new Scope(Map.of(), Map.of(), Map.of()));
            }
        }).isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.position()).isNull());
    }
}
