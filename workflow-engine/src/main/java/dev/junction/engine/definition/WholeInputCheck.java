package dev.junction.engine.definition;

import dev.junction.engine.nodes.ForEachNode;
import dev.junction.engine.nodes.MapNode;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of a connector or wait-until node given whole, as one {@code {{ expression }}} instead of an object of
 * fields: checked as far as it is known before a run. It must be exactly one expression that parses; a literal
 * that is not an object (a text, a number, an array, …) is refused; a forEach's {@code items} (an array) is
 * refused; and when it is the output of a map node with an inline mapping, the fields the operation's input
 * schema requires must be among those the rules write. The rest is checked at run time against the operation's
 * input schema.
 */
final class WholeInputCheck {

    private static final Pattern WHOLE_TEMPLATE = Pattern.compile("^\\s*\\{\\{(.+?)}}\\s*$", Pattern.DOTALL);
    private static final Pattern NOT_AN_OBJECT = Pattern.compile(
            "^(?:(['\"`])|(-?\\d)|(\\[)|(true|false)\\b|(null|undefined)\\b)");
    private static final Pattern NODE_OUTPUT = Pattern.compile(
            "^nodes\\s*(?:\\.\\s*([A-Za-z_$][\\w$]*)|\\[\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*])\\s*(\\.\\s*items)?$");

    private WholeInputCheck() {
    }

    /** The problems of the node's whole input, if it has one ({@code input} a text), at {@code path}. */
    static List<DefinitionProblem> problems(Node node, String path, Map<String, Node> nodes, OperationCatalog catalog,
                                            ExpressionSyntax syntax) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (!(node.config().get("input") instanceof String text)) {
            return problems;
        }
        Matcher whole = WHOLE_TEMPLATE.matcher(text);
        if (!whole.matches() || whole.group(1).contains("{{")) {
            problems.add(new DefinitionProblem(path, node.id(), "must be an object of the operation's input fields,"
                    + " or one {{ expression }} giving the whole object (such as {{ nodes.toOrder }}), was '"
                    + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'"));
            return problems;
        }
        String expression = whole.group(1).strip();
        Optional<String> syntaxError = syntax.syntaxErrorOfExpression(expression);
        if (syntaxError.isPresent()) {
            problems.add(new DefinitionProblem(path, node.id(), syntaxError.get()));
            return problems;
        }
        Matcher literal = NOT_AN_OBJECT.matcher(expression);
        if (literal.find()) {
            String kind = literal.group(1) != null ? "a text" : literal.group(2) != null ? "a number"
                    : literal.group(3) != null ? "an array" : literal.group(4) != null ? "a boolean" : "nothing";
            problems.add(new DefinitionProblem(path, node.id(), "gives " + kind + ", not an object of the"
                    + " operation's input fields"));
            return problems;
        }
        Matcher read = NODE_OUTPUT.matcher(expression);
        if (!read.matches()) {
            return problems;
        }
        String id = read.group(1) != null ? read.group(1) : read.group(2) != null ? read.group(2) : read.group(3);
        Node source = nodes.get(id);
        NodeKind kind = source == null ? null : NodeKinds.of(source).orElse(null);
        if (read.group(4) != null) {
            if (kind instanceof ForEachNode) {
                problems.add(new DefinitionProblem(path, node.id(), "`nodes." + id + ".items` is an array (one"
                        + " result per item of the loop), not an object of the operation's input fields"));
            }
            return problems;
        }
        if (kind instanceof MapNode map && map.upgrade(source.config()).get("mapping") instanceof Map<?, ?> mapping
                && mapping.get("rules") instanceof List<?> rules
                && node.config().get("operation") instanceof String operation
                && node.config().get("connection") instanceof String connection) {
            Set<String> written = new LinkedHashSet<>();
            for (Object rule : rules) {
                if (rule instanceof Map<?, ?> fields && fields.get("target") instanceof String target) {
                    written.add(target.split("\\.", 2)[0]);
                }
            }
            Optional<Map<String, Object>> schema = catalog.connectorOfConnection(connection)
                    .flatMap(connector -> catalog.inputSchema(connector, operation));
            if (schema.isPresent() && schema.get().get("required") instanceof List<?> required) {
                List<String> missing = required.stream().map(String::valueOf).filter(name -> !written.contains(name))
                        .toList();
                if (!missing.isEmpty()) {
                    problems.add(new DefinitionProblem(path, node.id(), operation + " requires "
                            + String.join(", ", missing) + ", which map `" + id + "` does not write (it writes: "
                            + (written.isEmpty() ? "nothing" : String.join(", ", written)) + ")"));
                }
            }
        }
        return problems;
    }
}
