package dev.junction.engine.mapping.model;

import java.util.Objects;

/** A rule's condition: the rule is skipped unless it holds. */
public sealed interface When {

    /**
     * The value at {@code from}, through the predicate {@code test} when there is one ({@code {"from", "fn",
     * "args"}}), is true (true, non-empty text other than "false", a non-zero number, any list or object).
     */
    record Test(String from, PipeStep test) implements When {
        public Test {
            Objects.requireNonNull(from, "from");
        }
    }

    /** JavaScript that is true ({@code {"expression": …}}). */
    record Expression(String expression) implements When {
        public Expression {
            Objects.requireNonNull(expression, "expression");
        }
    }
}
