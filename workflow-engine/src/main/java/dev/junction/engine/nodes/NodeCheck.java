package dev.junction.engine.nodes;

import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.DefinitionValidator;
import dev.junction.engine.definition.ExpressionSyntax;
import dev.junction.engine.definition.NotifyChannels;
import dev.junction.engine.definition.OperationCatalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validation of one node's config: what a kind's {@link NodeKind#validate} checks with (the installation's
 * connections and operations, the expression syntax, the inline-mapping check, the notify channels) and where it
 * reports to. Problems are named by their field's path under the node's config ({@code $.nodes[2].config.connection}).
 */
public final class NodeCheck {

    private final String nodeId;
    private final String configPath;
    private final OperationCatalog catalog;
    private final ExpressionSyntax syntax;
    private final DefinitionValidator.InlineMappingCheck mappings;
    private final NotifyChannels channels;
    private final List<DefinitionProblem> problems;

    public NodeCheck(String nodeId, String configPath, OperationCatalog catalog, ExpressionSyntax syntax,
                     DefinitionValidator.InlineMappingCheck mappings, NotifyChannels channels,
                     List<DefinitionProblem> problems) {
        this.nodeId = nodeId;
        this.configPath = configPath;
        this.catalog = catalog;
        this.syntax = syntax;
        this.mappings = mappings;
        this.channels = channels;
        this.problems = problems;
    }

    OperationCatalog catalog() {
        return catalog;
    }

    ExpressionSyntax syntax() {
        return syntax;
    }

    DefinitionValidator.InlineMappingCheck mappings() {
        return mappings;
    }

    NotifyChannels channels() {
        return channels;
    }

    /** Reports a problem of {@code field}: a path under the config ({@code conditions[0].port}; "": the config). */
    public void problem(String field, String message) {
        problems.add(new DefinitionProblem(field.isEmpty() ? configPath : configPath + "." + field, nodeId, message));
    }

    /** Whether the field is a non-blank string; reports it when not. */
    public boolean text(Map<String, ?> config, String field, String what) {
        Object value = config.get(field);
        if (value instanceof String text && !text.isBlank()) {
            return true;
        }
        String problem = value == null ? "is required" : value instanceof String ? "must not be blank"
                : "must be a string";
        problem(field, problem + ": " + what);
        return false;
    }

    /** Whether the field is a non-blank expression; reports it when not, or when it does not parse. */
    public void expression(Map<String, ?> config, String field) {
        if (text(config, field, "an expression")) {
            syntax.syntaxErrorOfExpression((String) config.get(field)).ifPresent(error -> problem(field, error));
        }
    }

    /** Reports the expression at {@code field} when it does not parse. */
    void parses(String field, String expression) {
        syntax.syntaxErrorOfExpression(expression).ifPresent(error -> problem(field, error));
    }

    /** A connection and an operation of its connector ({@code what}: "operation", "poll operation"). */
    public void connection(Map<String, ?> config, String what) {
        boolean hasConnection = text(config, "connection", "the id of a connection");
        boolean hasOperation = text(config, "operation", "the " + what + " to call");
        if (!hasConnection) {
            return;
        }
        String connection = (String) config.get("connection");
        Optional<String> connector = catalog.connectorOfConnection(connection);
        if (connector.isEmpty()) {
            problem("connection", "unknown connection '" + connection + "'");
        } else if (hasOperation && !catalog.hasOperation(connector.get(), (String) config.get("operation"))) {
            problem("operation", "connector '" + connector.get() + "' has no operation '"
                    + config.get("operation") + "'");
        }
    }

    /**
     * An operation's input: an object of fields, or one expression giving it whole (checked once all are known). An
     * object must give every field the operation's input schema requires (a value or an expression; null and blank
     * text count as missing), each reported at {@code input.<field>}: a form shows it under that field, and a version
     * with it cannot be published.
     */
    void input(Map<String, ?> config) {
        Object input = config.get("input");
        if (config.containsKey("input") && !(input instanceof Map) && !(input instanceof String)) {
            problem("input", "must be an object of the operation's input fields, or one"
                    + " {{ expression }} giving the whole object");
            return;
        }
        if (input instanceof String || !(config.get("connection") instanceof String connection)
                || !(config.get("operation") instanceof String operation)) {
            return;
        }
        Map<?, ?> fields = input instanceof Map<?, ?> map ? map : Map.of();
        catalog.connectorOfConnection(connection).flatMap(connector -> catalog.inputSchema(connector, operation))
                .ifPresent(schema -> {
                    if (schema.get("required") instanceof List<?> required) {
                        for (Object name : required) {
                            Object value = fields.get(String.valueOf(name));
                            if (value == null || value instanceof String text && text.isBlank()) {
                                problem("input." + name, "is required by " + operation + ": give a value or an"
                                        + " expression");
                            }
                        }
                    }
                });
    }

    static boolean wholeBetween(Object value, long min, long max) {
        return value instanceof Long number && number >= min && number <= max;
    }
}
