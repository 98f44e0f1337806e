package dev.junction.engine.definition;

import java.util.Optional;

/** Tells whether users' code parses (a port: the expression runtime answers it). */
public interface ExpressionSyntax {

    /** What is wrong with an expression (a value such as {@code order.total > 100}), or empty when it parses. */
    Optional<String> syntaxErrorOfExpression(String expression);

    /** What is wrong with a script (a function body that returns its output), or empty when it parses. */
    Optional<String> syntaxErrorOfScript(String script);
}
